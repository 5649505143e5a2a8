package app.tamroi.domain.forecast;

import java.time.Duration;

/** One stay of a journey in one step: the working time spent there, pauses excluded. */
public record Visit(String step, Duration worked) {

    public Visit {
        if (step == null || worked == null || worked.isNegative()) {
            throw new IllegalArgumentException("a visit needs a step and a working time of at least zero");
        }
    }
}
