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
 *
 * <p>It is made of named parts, as the rule computes them: the working {@link Clock} (E against
 * the promise P), the {@link CurrentStep} and τ in it, the {@link Schedule} (R, S and the dates of
 * the plan) and, once ended, the {@link Outcome}. {@code status} is what the citizen is shown: the
 * schedule's status, the outcome's once ended, {@code WAITING_ON_CITIZEN} while the clock is stopped.
 *
 * <p>The forecast (what history says, as opposed to the plan) is not a part of this record: it is
 * learned in {@code domain.forecast}, which reads a status to find where an application stands, so
 * holding a forecast here would make the two packages depend on each other. It travels beside the
 * status instead, in the tracking use case's {@code TrackedApplication}.
 */
public record JourneyStatus(
        ServiceVersion serviceVersion,
        Instant asOf,
        Status status,
        Clock clock,
        Optional<CurrentStep> currentStep,
        Schedule schedule,
        Optional<Outcome> outcome,
        Optional<String> publicNote,
        List<StepProgress> steps) {

    /**
     * The working clock: E, the working time since submission (up to the end, or to {@code asOf}),
     * held against P, the promise. It runs unless paused, in a step the citizen owns, ended, or
     * not yet submitted.
     */
    public record Clock(Optional<Instant> submittedAt, Duration elapsed, Duration promise, boolean running) {

        public long elapsedMinutes() {
            return minutes(elapsed);
        }

        public long promiseMinutes() {
            return minutes(promise);
        }
    }

    /** The step the application is in and τ, the working time since it last entered it. */
    public record CurrentStep(Step step, Duration timeInStep) {
    }

    /**
     * Where the application stands against its promise if the rest goes to plan: R, the remaining
     * plan; S, the slack; the plan's and the promise's dates (none while the clock is stopped).
     * Once ended, the status is the outcome, nothing remains and the slack is the variance.
     */
    public record Schedule(Status status, boolean atRisk, Duration remaining, Duration slack,
                           Optional<Instant> expectedBy, Optional<Instant> promisedBy) {

        public long remainingMinutes() {
            return minutes(remaining);
        }

        public long slackMinutes() {
            return minutes(slack);
        }
    }

    /** How and when the journey ended, and its variance {@code P − E} (positive: early). */
    public record Outcome(Status status, Instant endedAt, Duration variance) {

        public Outcome {
            if (!status.ended()) {
                throw new IllegalArgumentException(status + " is not how a journey ends");
            }
        }

        public long varianceMinutes() {
            return minutes(variance);
        }
    }

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

    /** τ as reported: 0 when there is no current step (not submitted, past the last step, ended). */
    public long minutesInCurrentStep() {
        return currentStep.map(c -> minutes(c.timeInStep())).orElse(0L);
    }

    /** Time is counted exactly; only what is reported is rounded, to the nearest minute. */
    public static long minutes(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
