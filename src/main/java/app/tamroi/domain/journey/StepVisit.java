package app.tamroi.domain.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One stay of an application in one step: when it entered, when it left (none while it is still
 * there), the working time it spent there (the clock stopped while paused or in a step the
 * citizen owns), and the working time since submission when it entered. A step stayed in twice is
 * rework; a step never stayed in was skipped. What forecasts learn from, and what a step's queue
 * is counted from.
 */
public record StepVisit(String step, Duration worked, Instant enteredAt, Optional<Instant> leftAt,
                        Duration elapsedBefore) {

    public StepVisit {
        if (step == null || worked == null || worked.isNegative() || enteredAt == null || leftAt == null
                || leftAt.filter(enteredAt::isAfter).isPresent() || elapsedBefore == null || elapsedBefore.isNegative()) {
            throw new IllegalArgumentException("a visit needs a step, a working time of at least zero and an entry before its exit");
        }
    }
}
