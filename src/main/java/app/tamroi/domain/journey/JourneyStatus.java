package app.tamroi.domain.journey;

import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The status of one application at one instant, derived from its service version and its events by
 * the status rule. Nothing here is stored state: "as of", replay and forecasts all call {@link #of}.
 */
public record JourneyStatus(
        ServiceVersion serviceVersion,
        Instant asOf,
        Status status,
        Status scheduleStatus,
        boolean atRisk,
        Optional<Step> currentStep,
        Duration elapsed,
        Duration promise,
        Duration inCurrentStep,
        Duration remaining,
        Duration slack,
        Optional<Instant> expectedBy,
        Optional<Instant> promisedBy,
        Optional<Duration> variance,
        Optional<Instant> submittedAt,
        Optional<Instant> endedAt,
        Optional<String> publicNote,
        List<StepProgress> steps) {

    public static JourneyStatus of(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        return Journey.derive(version, events, now);
    }

    /** The application's stays in steps up to {@code now}, in order: the walk the status is derived from. */
    public static List<StepVisit> visits(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        return Journey.trail(version, events, now).visits();
    }

    /** The stays in steps up to {@code now} and, if it came by then, how and when the journey ended. */
    public static Trail trail(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        return Journey.trail(version, events, now);
    }

    /** @param elapsed the working time the promise is held against, up to the end or to {@code now} */
    public record Trail(List<StepVisit> visits, Optional<StepEventType> outcome, Optional<Instant> endedAt,
                        Duration elapsed) {
    }

    public long elapsedMinutes() {
        return minutes(elapsed);
    }

    public long promiseMinutes() {
        return minutes(promise);
    }

    public long minutesInCurrentStep() {
        return minutes(inCurrentStep);
    }

    public long remainingMinutes() {
        return minutes(remaining);
    }

    public long slackMinutes() {
        return minutes(slack);
    }

    public Optional<Long> varianceMinutes() {
        return variance.map(JourneyStatus::minutes);
    }

    /** Time is counted exactly; only what is reported is rounded, to the nearest minute. */
    public static long minutes(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
