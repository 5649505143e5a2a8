package app.tamroi.usecase.track;

import app.tamroi.usecase.track.port.ApplicationQueries;
import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.forecast.Forecasts;
import app.tamroi.usecase.timeline.port.Agencies;
import app.tamroi.usecase.ingest.Projector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where an application stands: for the citizen by tracking code, now; for the agency by its own
 * id, as of any instant. Computed from the log on every read, so it is never stale.
 */
@ApplicationScoped
public class TrackApplication {

    private static final Logger LOG = Logger.getLogger(TrackApplication.class);

    private final ApplicationQueries queries;
    private final Projector projector;
    private final Agencies agencies;
    private final Forecasts forecasts;
    private final Clock clock;

    public TrackApplication(ApplicationQueries queries, Projector projector, Agencies agencies, Forecasts forecasts,
                            Clock clock) {
        this.agencies = agencies;
        this.forecasts = forecasts;
        this.queries = queries;
        this.projector = projector;
        this.clock = clock;
    }

    /** Empty for a code that is malformed, fails its check or is unknown: all look alike from outside. */
    public Optional<TrackedApplication> byTrackingCode(String written) {
        return TrackingCode.read(written).flatMap(queries::byTrackingCode).map(app -> at(app, clock.instant()));
    }

    public TrackedApplication forAgency(Caller caller, String agency, String subject, Optional<Instant> asOf) {
        caller.requireAgency(agency, "this application");
        Application app = queries.bySubject(agency, subject)
                .orElseThrow(() -> new NotFoundException("agency '" + agency + "' has no application '" + subject + "'"));
        return at(app, asOf.orElseGet(clock::instant));
    }

    private TrackedApplication at(Application app, Instant asOf) {
        List<RecordedEvent> events = queries.events(app.id());
        try {
            ServiceVersion version = projector.versionFollowed(app.serviceCode(), events);
            JourneyStatus status = JourneyStatus.of(version, events.stream().map(RecordedEvent::event).toList(), asOf);
            return new TrackedApplication(app, status, events, agencies.byCode(app.agency()), forecast(app, status));
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.errorf(e, "the status of application %d (service '%s') cannot be computed", app.id(), app.serviceCode());
            throw new StatusUnavailableException(app.trackingCode().grouped(), e);
        }
    }

    /** A forecast that cannot be made leaves the status as it is: the status is the promise, the forecast a help. */
    private Optional<Forecast> forecast(Application app, JourneyStatus status) {
        try {
            return forecasts.of(status);
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.errorf(e, "no forecast for application %d (service '%s')", app.id(), app.serviceCode());
            return Optional.empty();
        }
    }
}
