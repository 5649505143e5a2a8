package app.tamroi.usecase.ingest;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.InputText;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.EventOutcome.Outcome;
import app.tamroi.usecase.ingest.EventStore.ApplicationKey;
import app.tamroi.usecase.ingest.EventStore.EventKey;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Takes a batch of step events from any channel, keeps every valid one in the log exactly once
 * and brings the affected applications' projections up to date, all in one transaction: a batch
 * costs a handful of statements, whatever its size. One event the store refuses costs its batch a
 * few more transactions, never the other events.
 */
@ApplicationScoped
public class IngestStepEvents {

    private static final Logger LOG = Logger.getLogger(IngestStepEvents.class);

    private final EventStore store;
    private final Transactions transactions;
    private final ServiceCatalogue catalogue;
    private final Projector projector;
    private final Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean stopping;

    public IngestStepEvents(EventStore store, Transactions transactions, ServiceCatalogue catalogue, Projector projector, Limits limits,
                            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.projector = projector;
        this.limits = limits;
        this.clock = clock;
    }

    /** A valid event with what it refers to resolved. */
    private record Candidate(int index, IncomingStepEvent raw, ApplicationKey application, ServiceHistory service,
                             StepEventType type, Instant occurredAt) {
        EventKey key() {
            // an agency's sources are its own: another agency reusing them is not a duplicate
            return new EventKey(application.agency(), raw.source(), raw.id());
        }
    }

    /**
     * @param sender the channel, and the agency behind an HTTP request
     * @return one outcome per event, in the order given
     * @throws RuntimeException only for an outage of the store (see {@link StoreOutage}): nothing was
     *         stored, and the same batch may be sent again
     */
    public List<EventOutcome> ingest(List<IncomingStepEvent> batch, Sender sender) {
        try {
            return transactions.inNew(() -> ingestTogether(batch, sender));
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            if (stopping) {
                // the store is being closed under us: nothing about the events, so none is refused; the
                // caller hands the batch back (Kafka) or is told to send it again (HTTP)
                throw new StoreUnavailableException(e);
            }
            if (batch.size() == 1) {
                return List.of(EventOutcome.rejected(batch.get(0), unstorable(batch.get(0), e)));
            }
            // the batch was rolled back as a whole: halve it until the events the store refuses stand alone
            int half = batch.size() / 2;
            List<EventOutcome> outcomes = new ArrayList<>(batch.size());
            outcomes.addAll(ingest(batch.subList(0, half), sender));
            outcomes.addAll(ingest(batch.subList(half, batch.size()), sender));
            return outcomes;
        }
    }

    /** From the first moment of a shutdown, a failure is the store closing, not a fault of the events. */
    void stopping(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    private static EventProblem unstorable(IncomingStepEvent event, RuntimeException failure) {
        Optional<StoreRefusedException> refused = StoreRefusedException.behind(failure);
        if (refused.isPresent()) {
            LOG.warnf("event %s from %s refused by the database: %s", event.id(), event.source(), failure.getMessage());
            return EventProblem.unstorable("the database refused this event's data (SQL state " + refused.get().sqlState()
                    + "); nothing of it was stored");
        }
        LOG.errorf(failure, "event %s from %s could not be applied", event.id(), event.source());
        return EventProblem.unstorable("Tamroi could not apply this event (the failure is logged for its operators); "
                + "nothing of it was stored");
    }

    private List<EventOutcome> ingestTogether(List<IncomingStepEvent> batch, Sender sender) {
        Instant receivedAt = clock.instant();
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        List<Candidate> candidates = new ArrayList<>();
        Set<EventKey> seen = new HashSet<>();
        Map<Integer, Integer> duplicateOf = new HashMap<>();
        Map<EventKey, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingStepEvent raw = batch.get(i);
            try {
                Candidate c = check(i, raw, receivedAt, sender.caller());
                if (seen.add(c.key())) {
                    candidates.add(c);
                    firstIndex.put(c.key(), i);
                } else {
                    duplicateOf.put(i, firstIndex.get(c.key()));
                }
            } catch (Rejection r) {
                outcomes[i] = EventOutcome.rejected(raw, r.problem);
            }
        }

        // a redelivery is answered from the log before anything else is looked up or created
        Map<EventKey, TrackingCode> logged = store.logged(candidates.stream().map(Candidate::key).toList());
        candidates.removeIf(c -> {
            TrackingCode code = logged.get(c.key());
            if (code != null) {
                outcomes[c.index()] = new EventOutcome(c.raw().id(), c.raw().source(), Outcome.DUPLICATE,
                        Optional.of(code.grouped()), Optional.empty());
            }
            return code != null;
        });

        Map<ApplicationKey, Application> applications = new HashMap<>(
                store.find(candidates.stream().map(Candidate::application).distinct().toList()));
        candidates.removeIf(c -> !fitsApplication(c, applications.get(c.application()), candidates, outcomes));

        // new applications are written in one global order, so that two instances creating overlapping
        // ones wait for each other instead of deadlocking (events keep their arrival order: it breaks ties)
        Map<ApplicationKey, EventStore.NewApplication> missing = new java.util.TreeMap<>(
                java.util.Comparator.comparing(ApplicationKey::agency).thenComparing(ApplicationKey::subject));
        for (Candidate c : candidates) {
            if (!applications.containsKey(c.application())) {
                missing.computeIfAbsent(c.application(), k -> new EventStore.NewApplication(k,
                        c.service().current().serviceCode(), TrackingCode.generate(random)));
            }
        }
        if (!missing.isEmpty()) {
            applications.putAll(store.create(missing.values(), receivedAt));
            // another instance may have created one of them under another service meanwhile
            candidates.removeIf(c -> !fitsApplication(c, applications.get(c.application()), candidates, outcomes));
        }

        List<EventStore.Append> appends = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            StepEvent event = new StepEvent(c.type(), Optional.ofNullable(c.raw().step()), c.occurredAt(), 0,
                    Optional.ofNullable(c.raw().publicNote()));
            Application app = applications.get(c.application());
            appends.add(new EventStore.Append(app.id(), app.agency(),
                    new RecordedEvent(c.raw().source(), c.raw().id(), event, receivedAt, sender.channel())));
        }
        Set<EventKey> appended = appends.isEmpty() ? Set.of() : store.append(appends);

        Map<Long, Application> touched = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Application app = applications.get(c.application());
            boolean applied = appended.contains(c.key());
            outcomes[c.index()] = new EventOutcome(c.raw().id(), c.raw().source(),
                    applied ? Outcome.APPLIED : Outcome.DUPLICATE, Optional.of(app.trackingCode().grouped()), Optional.empty());
            if (applied) {
                touched.put(app.id(), app);
            }
        }
        duplicateOf.forEach((i, first) -> {
            EventOutcome original = outcomes[first];
            IncomingStepEvent raw = batch.get(i);
            outcomes[i] = original.outcome() == Outcome.REJECTED ? EventOutcome.rejected(raw, original.problem().orElseThrow())
                    : new EventOutcome(raw.id(), raw.source(), Outcome.DUPLICATE, original.trackingCode(), Optional.empty());
        });
        projector.apply(touched.values(), receivedAt, appended);
        return List.of(outcomes);
    }

    private static final class Rejection extends RuntimeException {
        final transient EventProblem problem;

        Rejection(EventProblem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    private Candidate check(int index, IncomingStepEvent e, Instant receivedAt, Optional<Caller> caller) {
        if (e.malformed() != null) {
            throw new Rejection(EventProblem.invalid(e.malformed()));
        }
        if (e.specversion() == null) {
            throw new Rejection(EventProblem.invalid("specversion is required and must be 1.0"));
        }
        if (!"1.0".equals(e.specversion())) {
            throw new Rejection(EventProblem.invalid("specversion " + e.specversion() + " is not supported: send 1.0"));
        }
        Limits.Text text = limits.text();
        required(e.id(), "id", text.maxId());
        required(e.source(), "source", text.maxId());
        required(e.type(), "type", text.maxId());
        required(e.subject(), "subject", text.maxSubject());
        required(e.time(), "time", 64);
        StepEventType type = StepEventType.fromCloudEventType(e.type()).orElseThrow(() -> new Rejection(
                EventProblem.invalid("type '" + e.type() + "' is not a Tamroi step event type: see docs/events.md")));
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(e.time()).toInstant();
        } catch (DateTimeException ex) {
            throw new Rejection(EventProblem.invalid("time '" + e.time() + "' is not an RFC 3339 timestamp like 2026-11-16T09:00:00+07:00"));
        }
        Limits.Time time = limits.time();
        if (occurredAt.isAfter(receivedAt.plus(time.maxClockSkew()))) {
            throw new Rejection(EventProblem.unprocessable("event-in-future", "The event's time lies in the future",
                    "time " + e.time() + " is more than " + time.maxClockSkew().toMinutes()
                            + " minutes ahead of this server's clock; check the sender's clock"));
        }
        if (occurredAt.isBefore(time.earliest())) {
            throw new Rejection(EventProblem.unprocessable("event-too-early", "The event's time lies too far in the past",
                    "time " + e.time() + " lies before " + time.earliest() + ", the earliest time Tamroi keeps; "
                            + "check the sender's clock and time format"));
        }
        required(e.service(), "data.service", text.maxCode());
        bounded(e.publicNote(), "data.publicNote", text.maxNote());
        InputText.flawInProse(e.publicNote()).ifPresent(flaw -> {
            throw new Rejection(EventProblem.invalid("data.publicNote " + flaw));
        });
        if (type.namesStep()) {
            required(e.step(), "data.step (for " + e.type() + ")", text.maxCode());
        } else {
            bounded(e.step(), "data.step", text.maxCode());
            lineOnly(e.step(), "data.step");
        }
        ServiceHistory service = catalogue.history(e.service()).orElseThrow(() -> new Rejection(
                EventProblem.unprocessable("unknown-service", "Unknown service",
                        "no service '" + e.service() + "' has been published")));
        String agency = service.current().definition().agency();
        if (caller.isPresent() && !caller.get().actsFor(agency)) {
            throw new Rejection(EventProblem.forbidden("your token acts for agency '" + caller.get().agency()
                    + "', but service '" + e.service() + "' belongs to agency '" + agency + "'"));
        }
        return new Candidate(index, e, new ApplicationKey(agency, e.subject()), service, type, occurredAt);
    }

    /** Checks an event against its application: the same service, and a step its version knows. */
    private boolean fitsApplication(Candidate c, Application app, List<Candidate> batch, EventOutcome[] outcomes) {
        String serviceCode = c.service().current().serviceCode();
        if (app != null && !app.serviceCode().equals(serviceCode)) {
            outcomes[c.index()] = EventOutcome.rejected(c.raw(), EventProblem.unprocessable("wrong-service",
                    "The application belongs to another service", "application '" + c.raw().subject()
                            + "' is tracked under service '" + app.serviceCode() + "', not '" + serviceCode + "'"));
            return false;
        }
        if (c.raw().step() != null) {
            ServiceVersion version = versionFor(c, app, batch);
            ServiceDefinition definition = version.definition();
            if (definition.step(c.raw().step()).isEmpty()) {
                outcomes[c.index()] = EventOutcome.rejected(c.raw(), EventProblem.unprocessable("unknown-step",
                        "Unknown step", "version " + version.number() + " of service '" + serviceCode
                                + "' has no step '" + c.raw().step() + "'"));
                return false;
            }
        }
        return true;
    }

    private ServiceVersion versionFor(Candidate c, Application app, List<Candidate> batch) {
        if (app != null && app.serviceVersion().isPresent()) {
            return c.service().version(app.serviceVersion().get()).orElseGet(c.service()::current);
        }
        return c.service().followedFrom(batch.stream()
                .filter(o -> o.application().equals(c.application()) && o.type() == StepEventType.SUBMITTED)
                .map(Candidate::occurredAt)
                .min(Instant::compareTo));
    }

    private static void required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new Rejection(EventProblem.invalid(name + " is required"));
        }
        bounded(value, name, max);
        lineOnly(value, name);
    }

    private static void lineOnly(String value, String name) {
        InputText.flawInLine(value).ifPresent(flaw -> {
            throw new Rejection(EventProblem.invalid(name + " " + flaw));
        });
    }

    private static void bounded(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new Rejection(EventProblem.invalid(name + " is longer than " + max + " characters"));
        }
    }
}
