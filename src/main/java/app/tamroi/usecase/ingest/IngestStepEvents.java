package app.tamroi.usecase.ingest;

import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.usecase.ingest.port.Transactions;
import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.ingest.port.EventStore.ApplicationKey;
import app.tamroi.usecase.ingest.port.EventStore.EventKey;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    private final Projector projector;
    private final EventCheck check;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean stopping;

    public IngestStepEvents(EventStore store, Transactions transactions, ServiceCatalogue catalogue, Projector projector, Limits limits,
                            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.projector = projector;
        this.check = new EventCheck(limits, catalogue::history);
        this.clock = clock;
    }

    /** A checked event and its place in the batch. */
    private record Candidate(int index, EventCheck.CheckedEvent event) {
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
        Outcomes outcomes = new Outcomes(batch);
        List<Candidate> candidates = checked(batch, receivedAt, sender, outcomes);
        // a redelivery is answered from the log before anything else is looked up or created
        candidates = notLoggedYet(candidates, outcomes);

        Map<ApplicationKey, Application> applications = new HashMap<>(
                store.find(candidates.stream().map(c -> c.event().application()).distinct().toList()));
        candidates = fitting(candidates, applications, outcomes);
        Collection<EventStore.NewApplication> missing = missing(candidates, applications);
        if (!missing.isEmpty()) {
            applications.putAll(store.create(missing, receivedAt));
            // another instance may have created one of them under another service meanwhile
            candidates = fitting(candidates, applications, outcomes);
        }

        Set<EventKey> appended = append(candidates, applications, receivedAt, sender);
        Collection<Application> touched = settle(candidates, applications, appended, outcomes);
        projector.apply(touched, receivedAt, appended);
        return outcomes.all();
    }

    /** The events that pass their check, each copy within the batch left to its first. */
    private List<Candidate> checked(List<IncomingStepEvent> batch, Instant receivedAt, Sender sender, Outcomes outcomes) {
        List<Candidate> candidates = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            EventCheck.Verdict verdict = check.check(batch.get(i), receivedAt, sender);
            if (verdict instanceof EventCheck.Refused refused) {
                outcomes.rejected(i, refused.problem());
            } else if (verdict instanceof EventCheck.Passed passed && outcomes.firstOfItsKey(i, passed.event().key())) {
                candidates.add(new Candidate(i, passed.event()));
            }
        }
        return candidates;
    }

    private List<Candidate> notLoggedYet(List<Candidate> candidates, Outcomes outcomes) {
        Map<EventKey, TrackingCode> logged = store.logged(candidates.stream().map(c -> c.event().key()).toList());
        List<Candidate> fresh = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            TrackingCode application = logged.get(c.event().key());
            if (application != null) {
                outcomes.duplicate(c.index(), application);
            } else {
                fresh.add(c);
            }
        }
        return fresh;
    }

    /** The events that fit their application (if it exists yet); the others are refused with the reason. */
    private static List<Candidate> fitting(List<Candidate> candidates, Map<ApplicationKey, Application> applications,
                                           Outcomes outcomes) {
        // until the log says which version an application follows, its earliest submission among these events does
        Map<ApplicationKey, Instant> submitted = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.event().type() == StepEventType.SUBMITTED) {
                submitted.merge(c.event().application(), c.event().occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Candidate> fit = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ApplicationKey key = c.event().application();
            Optional<EventProblem> misfit = EventCheck.againstApplication(c.event(), Optional.ofNullable(applications.get(key)),
                    Optional.ofNullable(submitted.get(key)));
            if (misfit.isPresent()) {
                outcomes.rejected(c.index(), misfit.get());
            } else {
                fit.add(c);
            }
        }
        return fit;
    }

    /**
     * The applications these events need and the store does not hold, in one global order, so that
     * two instances creating overlapping ones wait for each other instead of deadlocking (events keep
     * their arrival order: it breaks ties).
     */
    private Collection<EventStore.NewApplication> missing(List<Candidate> candidates, Map<ApplicationKey, Application> applications) {
        Map<ApplicationKey, EventStore.NewApplication> missing = new TreeMap<>(
                Comparator.comparing(ApplicationKey::agency).thenComparing(ApplicationKey::subject));
        for (Candidate c : candidates) {
            ApplicationKey key = c.event().application();
            if (!applications.containsKey(key)) {
                missing.computeIfAbsent(key, k -> new EventStore.NewApplication(k, c.event().serviceCode(),
                        TrackingCode.generate(random)));
            }
        }
        return missing.values();
    }

    /** @return the keys of the events the log did not hold yet */
    private Set<EventKey> append(List<Candidate> candidates, Map<ApplicationKey, Application> applications, Instant receivedAt,
                                 Sender sender) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<EventStore.Append> appends = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            IncomingStepEvent raw = c.event().raw();
            Application app = applications.get(c.event().application());
            appends.add(new EventStore.Append(app.id(), app.agency(),
                    new RecordedEvent(raw.source(), raw.id(), c.event().stepEvent(), receivedAt, sender.channel())));
        }
        return store.append(appends);
    }

    /** Each event appended is applied, any other was logged by another batch since this one looked. */
    private static Collection<Application> settle(List<Candidate> candidates, Map<ApplicationKey, Application> applications,
                                                  Set<EventKey> appended, Outcomes outcomes) {
        Map<Long, Application> touched = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Application app = applications.get(c.event().application());
            if (appended.contains(c.event().key())) {
                outcomes.applied(c.index(), app.trackingCode());
                touched.put(app.id(), app);
            } else {
                outcomes.duplicate(c.index(), app.trackingCode());
            }
        }
        return touched.values();
    }
}
