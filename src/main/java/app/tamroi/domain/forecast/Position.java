package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import java.time.Duration;
import java.util.Optional;

/**
 * Where an open application stands: the version it follows, the step it is in, τ (the working
 * time already spent in that step) and E (the working time since submission). E is carried for
 * the answer's record; the path model needs only the step and τ, since what comes after the
 * current step does not depend on how long the earlier ones took.
 */
public record Position(ServiceVersion version, String step, Duration inStep, Duration elapsed) {

    public Position {
        if (version == null || step == null || inStep == null || elapsed == null
                || inStep.isNegative() || elapsed.isNegative()) {
            throw new IllegalArgumentException("a position needs a version, a step and working times of at least zero");
        }
        if (version.definition().indexOf(step) < 0) {
            throw new IllegalArgumentException("step '" + step + "' is not in " + version.serviceCode() + " v" + version.number());
        }
    }

    /** The position an application's status shows; none once it has ended or has no current step. */
    public static Optional<Position> of(JourneyStatus status) {
        if (status.status().ended()) {
            return Optional.empty();
        }
        return status.currentStep().map(current -> new Position(status.serviceVersion(), current.step().code(),
                current.timeInStep(), status.clock().elapsed()));
    }

    /** The status rule's R: what is left of the current step's target, plus every later target. */
    public Duration planRemaining() {
        ServiceDefinition service = version.definition();
        int index = service.indexOf(step);
        Duration left = service.plannedTime(index).minus(inStep);
        Duration remaining = left.isNegative() ? Duration.ZERO : left;
        for (int j = index + 1; j < service.steps().size(); j++) {
            remaining = remaining.plus(service.plannedTime(j));
        }
        return remaining;
    }
}
