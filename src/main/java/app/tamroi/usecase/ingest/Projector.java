package app.tamroi.usecase.ingest;

import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.forecast.Tally;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.forecast.Forecasts;
import app.tamroi.usecase.ingest.port.EventStore.EventKey;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Derives each application's stored projection from its events: the same code serves live
 * ingestion and a replay of the whole log, so the two cannot disagree.
 */
@ApplicationScoped
public class Projector {

    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final EventStore store;
    private final ServiceCatalogue catalogue;
    private final Forecasts forecasts;

    public Projector(EventStore store, ServiceCatalogue catalogue, Forecasts forecasts) {
        this.store = store;
        this.catalogue = catalogue;
        this.forecasts = forecasts;
    }

    /** Brings the projections up to date after a replay; what forecasts learned is rebuilt apart ({@link #tallies}). */
    public void reproject(Collection<Application> applications, Instant asOf) {
        project(applications, asOf, Set.of());
    }

    /**
     * Brings the projections of applications that have just {@code appended} events up to date,
     * and adds to what forecasts learned the difference those events made. {@code asOf} is the
     * instant the batch was received, which each of the appended events carries.
     */
    public void apply(Collection<Application> applications, Instant asOf, Set<EventKey> appended) {
        project(applications, asOf, appended);
    }

    private void project(Collection<Application> applications, Instant asOf, Set<EventKey> appended) {
        if (applications.isEmpty()) {
            return;
        }
        boolean learning = !appended.isEmpty() && forecasts.learning();
        Map<Long, List<RecordedEvent>> events = store.eventsOf(applications.stream().map(Application::id).toList());
        List<EventStore.Projection> projections = new ArrayList<>(applications.size());
        Map<String, List<Tally>> learned = new HashMap<>();
        for (Application app : applications) {
            List<RecordedEvent> recorded = events.getOrDefault(app.id(), List.of());
            try {
                ServiceVersion version = versionFollowed(app.serviceCode(), recorded);
                JourneyStatus status = JourneyStatus.of(version, recorded.stream().map(RecordedEvent::event).toList(), asOf);
                projections.add(new EventStore.Projection(app.id(), version.number(), status, recorded.size()));
                if (learning) {
                    List<RecordedEvent> before = recorded.stream().filter(e -> !appendedNow(app, e, asOf, appended)).toList();
                    learned.computeIfAbsent(app.serviceCode(), s -> new ArrayList<>())
                            .add(tally(version, recorded).minus(tally(app.serviceCode(), before)));
                }
            } catch (RuntimeException e) {
                if (StoreOutage.isOutage(e)) {
                    throw e;
                }
                // the events are kept and the log stays the truth; only this application's cached status lags
                LOG.errorf(e, "the status of application %d (service '%s') cannot be computed; its projection is left as it was",
                        app.id(), app.serviceCode());
            }
        }
        store.project(projections, asOf);
        Map<String, Tally> deltas = new HashMap<>();
        learned.forEach((service, tallies) -> deltas.put(service, Tally.sum(tallies)));
        forecasts.learn(deltas);
    }

    /**
     * Whether the batch being applied appended {@code e}. Every event a batch appends carries the
     * batch's instant as its receivedAt (kept to the microsecond by the store), so only events
     * received within a microsecond of it are looked up: the rest of a log, most of it, is told
     * apart without hashing its keys.
     */
    private static boolean appendedNow(Application app, RecordedEvent e, Instant asOf, Set<EventKey> appended) {
        return Math.abs(Duration.between(e.receivedAt(), asOf).toNanos()) < 1_000
                && appended.contains(new EventKey(app.agency(), e.source(), e.id()));
    }

    /** What these applications' whole logs add to what forecasts learn, per service: a replay's share. */
    public Map<String, Tally> tallies(Collection<Application> applications) {
        Map<Long, List<RecordedEvent>> events = store.eventsOf(applications.stream().map(Application::id).toList());
        Map<String, List<Tally>> tallies = new HashMap<>();
        for (Application app : applications) {
            try {
                tallies.computeIfAbsent(app.serviceCode(), s -> new ArrayList<>())
                        .add(tally(app.serviceCode(), events.getOrDefault(app.id(), List.of())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "what application %d (service '%s') teaches forecasts cannot be computed; it is left out",
                        app.id(), app.serviceCode());
            }
        }
        Map<String, Tally> sums = new HashMap<>();
        tallies.forEach((service, list) -> sums.put(service, Tally.sum(list)));
        return sums;
    }

    private Tally tally(String serviceCode, List<RecordedEvent> events) {
        return events.isEmpty() ? Tally.NONE : tally(versionFollowed(serviceCode, events), events);
    }

    private static Tally tally(ServiceVersion version, List<RecordedEvent> events) {
        return Tally.of(version, events.stream().map(RecordedEvent::event).toList());
    }

    /**
     * The version in effect when the application was submitted; before its submission is known,
     * the current one.
     */
    public ServiceVersion versionFollowed(String serviceCode, List<RecordedEvent> events) {
        ServiceHistory history = catalogue.history(serviceCode)
                .orElseThrow(() -> new IllegalStateException("service " + serviceCode + " has no published version"));
        return history.followedFrom(StepEvent.submission(events.stream().map(RecordedEvent::event).toList()));
    }
}
