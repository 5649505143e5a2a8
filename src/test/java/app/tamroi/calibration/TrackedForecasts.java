package app.tamroi.calibration;

import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.track.TrackApplication;
import app.tamroi.usecase.track.TrackedApplication;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The forecast through Tamroi's read path: what the agency view
 * {@code GET /api/v1/agencies/{agency}/applications/{subject}?asOf=t} shows, read from the log and
 * the stored daily tallies.
 */
public final class TrackedForecasts implements AsOfForecasts {

    private final TrackApplication track;
    private final String agency;
    private final Caller viewer;

    public TrackedForecasts(TrackApplication track, String agency) {
        this.track = track;
        this.agency = agency;
        this.viewer = new Caller(agency, Set.of(Caller.AGENCY_VIEWER));
    }

    @Override
    public Optional<ForecastAt> at(String subject, Instant t) {
        TrackedApplication tracked = track.forAgency(viewer, agency, subject, Optional.of(t));
        return tracked.forecast().map(forecast -> {
            ForecastAt at = ForecastAt.of(forecast, tracked.status());
            // what is scored must be the dates the API shows
            if (!tracked.p50By().equals(Optional.of(at.p50By())) || !tracked.p80By().equals(Optional.of(at.p80By()))) {
                throw new IllegalStateException(subject + " as of " + t + ": the API shows p50By " + tracked.p50By()
                        + " and p80By " + tracked.p80By() + ", the calibration reads " + at.p50By() + " and " + at.p80By());
            }
            return at;
        });
    }
}
