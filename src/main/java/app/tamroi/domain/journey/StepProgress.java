package app.tamroi.domain.journey;

import app.tamroi.domain.service.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How one step of a journey went: its state, the working time spent on it, when it began and ended. */
public record StepProgress(Step step, StepState state, Duration planned, Duration actual,
                           Optional<Instant> startedAt, Optional<Instant> endedAt) {
}
