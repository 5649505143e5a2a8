package app.tamroi.domain.journey;

import java.time.Duration;

/**
 * One stay of an application in one step, with the working time it spent there (the clock stopped
 * while paused or in a step the citizen owns). A step stayed in twice is rework; a step never
 * stayed in was skipped. What forecasts learn from.
 */
public record StepVisit(String step, Duration worked) {

    public StepVisit {
        if (step == null || worked == null || worked.isNegative()) {
            throw new IllegalArgumentException("a visit needs a step and a working time of at least zero");
        }
    }
}
