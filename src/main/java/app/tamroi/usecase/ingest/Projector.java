package app.tamroi.usecase.ingest;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    public Projector(EventStore store, ServiceCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    public void reproject(Collection<Application> applications, Instant asOf) {
        if (applications.isEmpty()) {
            return;
        }
        Map<Long, List<RecordedEvent>> events = store.eventsOf(applications.stream().map(Application::id).toList());
        List<EventStore.Projection> projections = new ArrayList<>(applications.size());
        for (Application app : applications) {
            List<RecordedEvent> recorded = events.getOrDefault(app.id(), List.of());
            try {
                ServiceVersion version = versionFollowed(app.serviceCode(), recorded);
                JourneyStatus status = JourneyStatus.of(version, recorded.stream().map(RecordedEvent::event).toList(), asOf);
                projections.add(new EventStore.Projection(app.id(), version.number(), status, recorded.size()));
            } catch (RuntimeException e) {
                // the events are kept and the log stays the truth; only this application's cached status lags
                LOG.errorf(e, "the status of application %d (service '%s') cannot be computed; its projection is left as it was",
                        app.id(), app.serviceCode());
            }
        }
        store.project(projections, asOf);
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
