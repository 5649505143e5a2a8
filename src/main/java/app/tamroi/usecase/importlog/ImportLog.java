package app.tamroi.usecase.importlog;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.InputText;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.usecase.ingest.port.EventStore.ApplicationKey;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Sender;
import app.tamroi.usecase.ingest.port.Transactions;
import app.tamroi.usecase.timeline.InvalidTimelineException;
import app.tamroi.usecase.timeline.PublishTimeline;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import app.tamroi.usecase.timeline.port.SharedCalendars;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Starts a service from an agency's history: the cases of an event log become applications, through
 * the same ingestion as live events. The whole log is checked first, against the service it goes
 * to, so that a log with one bad line imports nothing; the events then go in, in the order they
 * happened across all cases, a batch at a time. Every event has an id of its own, so importing the
 * same log again changes nothing.
 */
@ApplicationScoped
public class ImportLog {

    /** The calendar in which working time is elapsed time: every day, all day, UTC. */
    public static final String ALWAYS_CALENDAR = "24x7";

    public static final int MAX_BATCH = 1000;

    /** Applications looked up at once when checking that no case is tracked under another service. */
    private static final int LOOKUP_CHUNK = 1000;

    /**
     * What the operator asks.
     *
     * @param publish draw a timeline from the log and publish it (once: the same log publishes nothing new)
     * @param mapping activity to step code; without it, a slug of each activity's name
     * @param subjectPrefix put before every case id to make the application's subject
     */
    public record Request(String service, boolean publish, Optional<String> agency, Optional<String> name,
                          Optional<String> calendar, Optional<Map<String, String>> mapping, Endings endings,
                          String subjectPrefix) {
    }

    /** A log that passed every check, and what importing it will do. */
    public record Plan(String service, String agency, List<ImportedCase> cases, long loggedEvents,
                       List<CaseEvent> inEventTimeOrder, Optional<TimelineFromLog.Proposal> proposal) {
    }

    /** Told after each batch. */
    public interface Progress {
        void batchDone(long done, long total);
    }

    public record Summary(int cases, long loggedEvents, long stepEvents, long applied, long duplicates, long rejected,
                          Map<String, Long> rejectedByKind, List<String> firstRejections,
                          Optional<PublishTimeline.Published> published) {
    }

    private final ServiceCatalogue catalogue;
    private final PublishTimeline publish;
    private final SharedCalendars calendars;
    private final IngestStepEvents ingest;
    private final EventStore store;
    private final Transactions transactions;
    private final Limits limits;
    private final Clock clock;

    public ImportLog(ServiceCatalogue catalogue, PublishTimeline publish, SharedCalendars calendars, IngestStepEvents ingest,
                     EventStore store, Transactions transactions, Limits limits, Clock clock) {
        this.catalogue = catalogue;
        this.publish = publish;
        this.calendars = calendars;
        this.ingest = ingest;
        this.store = store;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Checks the whole log against the service and works out what the import will do; stores nothing.
     *
     * @throws InvalidEventLogException naming the first line (or option) to fix
     */
    public Plan prepare(List<LoggedEvent> logged, Request request) {
        if (logged.isEmpty()) {
            throw new InvalidEventLogException("the log holds no completed events");
        }
        Set<String> activities = new HashSet<>();
        logged.forEach(e -> activities.add(e.activity()));
        endingsAppear(request.endings(), activities);
        Instant now = clock.instant();
        logged.forEach(e -> checkTime(e, now));

        List<LoggedCase> cases = LoggedCase.of(logged);
        StepCodes codes = request.mapping().map(StepCodes::mapped).orElseGet(() -> StepCodes.slugs(activities));
        List<ImportedCase> imported = new ArrayList<>(cases.size());
        for (LoggedCase c : cases) {
            String subject = subject(c, request.subjectPrefix());
            imported.add(new ImportedCase(c, CaseEvents.of(c, subject, codes, request.endings())));
        }

        Optional<ServiceHistory> history = catalogue.history(request.service());
        Destination to = request.publish() ? drawnFromTheLog(request, history, imported, now) : published(request, history);
        List<ImportedCase> told = new ArrayList<>(imported.size());
        for (ImportedCase c : imported) {
            ServiceVersion version = to.versionFollowed().apply(c.logged());
            checkSteps(c, version);
            told.add(new ImportedCase(c.logged(), CaseEvents.withCompletions(c.events(), version.definition())));
        }
        notTrackedElsewhere(request.service(), to.agency(), told);

        List<CaseEvent> ordered = new ArrayList<>();
        told.forEach(c -> ordered.addAll(c.events()));
        // stable: events at the same instant keep their cases' order, and each case its own order
        ordered.sort(Comparator.comparing(CaseEvent::at));
        return new Plan(request.service(), to.agency(), told, logged.size(), ordered, to.proposal());
    }

    /** The service a log goes to: whose it is, which version each case will follow, and the timeline to publish, if any. */
    private record Destination(String agency, Function<LoggedCase, ServiceVersion> versionFollowed,
                               Optional<TimelineFromLog.Proposal> proposal) {
    }

    private Destination drawnFromTheLog(Request request, Optional<ServiceHistory> history, List<ImportedCase> imported,
                                        Instant now) {
        String agency = agencyToPublish(request, history);
        TimelineFromLog.Proposal drawn = TimelineFromLog.propose(request.service(), agency, name(request, history),
                calendar(request.calendar(), history), imported, limits.timeline().maxWorkingDays());
        ServiceDefinition definition = publishable(request.service(), drawn);
        if (history.isPresent() && !history.get().current().definition().equals(definition)) {
            throw new InvalidEventLogException("service '" + request.service() + "' is published already (version "
                    + history.get().current().number() + ") with another timeline than the one drawn from this log; "
                    + "an application follows the version in effect when it was submitted, so a new version would not "
                    + "apply to this history: import into the published timeline, or under a new service code");
        }
        ServiceVersion toBePublished = new ServiceVersion(definition, 1, now);
        return new Destination(agency, c -> history.map(h -> h.inEffectAt(c.start())).orElse(toBePublished),
                Optional.of(drawn));
    }

    private static Destination published(Request request, Optional<ServiceHistory> history) {
        ServiceHistory h = history.orElseThrow(() -> new InvalidEventLogException("no service '" + request.service()
                + "' has been published: publish its timeline first, or draw one from this log"));
        String agency = h.current().definition().agency();
        request.agency().filter(a -> !a.equals(agency)).ifPresent(a -> {
            throw new InvalidEventLogException("service '" + request.service() + "' belongs to agency '" + agency
                    + "', not '" + a + "'");
        });
        return new Destination(agency, c -> h.inEffectAt(c.start()), Optional.empty());
    }

    /**
     * Publishes the drawn timeline (if it is new) and sends every event through ingestion.
     *
     * @throws RuntimeException when the store fails; what went in stays, and the same import again finishes the rest
     */
    public Summary run(Plan plan, int batchSize, Progress progress) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " events");
        }
        Optional<PublishTimeline.Published> published = plan.proposal()
                .map(p -> publish.publishFromCatalogue(plan.service(), (code, shared) -> p.definition()));
        List<CaseEvent> events = plan.inEventTimeOrder();
        long applied = 0;
        long duplicates = 0;
        Map<String, Long> rejectedByKind = new TreeMap<>();
        List<String> firstRejections = new ArrayList<>();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<IncomingStepEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize)).stream()
                    .map(e -> e.incoming(plan.service())).toList();
            for (EventOutcome outcome : ingest.ingest(batch, Sender.importLog())) {
                switch (outcome.outcome()) {
                    case APPLIED -> applied++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> {
                        var problem = outcome.problem().orElseThrow();
                        rejectedByKind.merge(problem.kind(), 1L, Long::sum);
                        if (firstRejections.size() < 5) {
                            firstRejections.add(outcome.id() + ": " + problem.detail());
                        }
                    }
                }
            }
            progress.batchDone(Math.min(events.size(), from + batchSize), events.size());
        }
        long rejected = rejectedByKind.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(plan.cases().size(), plan.loggedEvents(), events.size(), applied, duplicates, rejected,
                rejectedByKind, firstRejections, published);
    }

    private static void endingsAppear(Endings endings, Set<String> activities) {
        for (String a : endings.rejected()) {
            if (!activities.contains(a)) {
                throw new InvalidEventLogException("activity '" + a + "', named to end a case as rejected, appears in no event of the log");
            }
        }
        for (String a : endings.withdrawn()) {
            if (!activities.contains(a)) {
                throw new InvalidEventLogException("activity '" + a + "', named to end a case as withdrawn, appears in no event of the log");
            }
        }
    }

    /** The same bounds ingestion holds an event's time to, checked here so that none is refused half-way. */
    private void checkTime(LoggedEvent e, Instant now) {
        Limits.Time time = limits.time();
        if (e.at().isBefore(time.earliest())) {
            throw InvalidEventLogException.at(e.line(), "time " + e.at() + " lies before " + time.earliest()
                    + ", the earliest Tamroi keeps");
        }
        if (e.at().isAfter(now.plus(time.maxClockSkew()))) {
            throw InvalidEventLogException.at(e.line(), "time " + e.at() + " lies in the future");
        }
    }

    private String subject(LoggedCase c, String prefix) {
        String subject = prefix + c.id();
        long line = c.events().get(0).line();
        if (subject.isBlank()) {
            throw InvalidEventLogException.at(line, "the case id is empty");
        }
        int max = limits.text().maxSubject();
        if (subject.length() > max) {
            throw InvalidEventLogException.at(line, "case id '" + c.id() + "' makes a subject longer than " + max + " characters");
        }
        InputText.flawInLine(subject).ifPresent(flaw -> {
            throw InvalidEventLogException.at(line, "case id '" + c.id() + "' " + flaw);
        });
        return subject;
    }

    private static String agencyToPublish(Request request, Optional<ServiceHistory> history) {
        Optional<String> owner = history.map(h -> h.current().definition().agency());
        if (owner.isPresent() && request.agency().isPresent() && !owner.get().equals(request.agency().get())) {
            throw new InvalidEventLogException("service '" + request.service() + "' belongs to agency '" + owner.get()
                    + "', not '" + request.agency().get() + "'");
        }
        return request.agency().or(() -> owner).orElseThrow(() -> new InvalidEventLogException(
                "a new service needs the agency that owns it"));
    }

    private static LocalizedText name(Request request, Optional<ServiceHistory> history) {
        return request.name().map(n -> new LocalizedText(n, n))
                .or(() -> history.map(h -> h.current().definition().name()))
                .orElseGet(() -> new LocalizedText(request.service(), request.service()));
    }

    private WorkingCalendar calendar(Optional<String> name, Optional<ServiceHistory> history) {
        if (name.isPresent()) {
            if (ALWAYS_CALENDAR.equals(name.get())) {
                return new WorkingCalendar(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), Optional.empty(), Set.of());
            }
            return calendars.named(name.get()).orElseThrow(() -> new InvalidEventLogException("no shared calendar is named '"
                    + name.get() + "'; use " + ALWAYS_CALENDAR + " (every day, all day, UTC) or a calendar of the catalogue"));
        }
        return history.map(h -> h.current().definition().calendar()).orElseThrow(() -> new InvalidEventLogException(
                "a new service needs a calendar: " + ALWAYS_CALENDAR
                        + " (every day, all day, UTC) or the name of a shared calendar such as th-government"));
    }

    /** The drawn timeline as publication will read it, held to the same limits as any other. */
    private ServiceDefinition publishable(String service, TimelineFromLog.Proposal drawn) {
        try {
            return publish.check(service, (code, shared) -> drawn.definition());
        } catch (InvalidTimelineException e) {
            throw new InvalidEventLogException("the timeline drawn from the log cannot be published: " + e.getMessage(), e);
        }
    }

    private static void checkSteps(ImportedCase c, ServiceVersion version) {
        for (CaseEvent e : c.events()) {
            if (e.type() != StepEventType.STEP_STARTED) {
                continue;
            }
            String step = e.step().orElseThrow();
            if (version.definition().step(step).isEmpty()) {
                long line = c.logged().events().get(e.index()).line();
                throw InvalidEventLogException.at(line, "activity '" + c.activityAt(e) + "' is step '" + step + "', which version "
                        + version.number() + " of service '" + version.serviceCode() + "' does not have; map it to one of "
                        + version.definition().steps().stream().map(s -> s.code()).toList());
            }
        }
    }

    private void notTrackedElsewhere(String service, String agency, List<ImportedCase> cases) {
        Map<ApplicationKey, ImportedCase> byKey = new LinkedHashMap<>();
        cases.forEach(c -> byKey.put(new ApplicationKey(agency, c.subject()), c));
        List<ApplicationKey> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
            List<ApplicationKey> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
            Map<ApplicationKey, Application> found = transactions.inNew(() -> store.find(chunk));
            for (ApplicationKey key : chunk) {
                Application app = found.get(key);
                if (app != null && !app.serviceCode().equals(service)) {
                    ImportedCase c = byKey.get(key);
                    throw InvalidEventLogException.at(c.logged().events().get(0).line(), "case '" + c.logged().id()
                            + "' is tracked already, as application '" + key.subject() + "' of service '" + app.serviceCode()
                            + "'; give this log's cases a prefix of their own");
                }
            }
        }
    }
}
