package app.tamroi.domain.journey;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One thing that happened to an application. {@code occurredAt} is when it happened, which orders
 * the journey; {@code arrival} is the order in which we heard of it, which only breaks ties.
 */
public record StepEvent(StepEventType type, Optional<String> step, Instant occurredAt, long arrival,
                        Optional<String> publicNote) {

    /** Event-time order; ties in arrival order. */
    public static final Comparator<StepEvent> JOURNEY_ORDER =
            Comparator.comparing(StepEvent::occurredAt).thenComparingLong(StepEvent::arrival);

    /** The submission that counts: the first in journey order; later ones change nothing. */
    public static Optional<StepEvent> firstSubmission(Collection<StepEvent> events) {
        return events.stream().filter(e -> e.type() == StepEventType.SUBMITTED).min(JOURNEY_ORDER);
    }

    /** When the application was submitted, if any submission is known. */
    public static Optional<Instant> submission(Collection<StepEvent> events) {
        return firstSubmission(events).map(StepEvent::occurredAt);
    }

    public StepEvent {
        if (type == null || occurredAt == null) {
            throw new IllegalArgumentException("an event needs a type and a time");
        }
        step = step == null ? Optional.empty() : step;
        publicNote = publicNote == null ? Optional.empty() : publicNote;
        if (type.namesStep() && step.isEmpty()) {
            throw new IllegalArgumentException(type.cloudEventType() + " must name a step");
        }
    }

    public static StepEvent of(StepEventType type, String step, Instant occurredAt, long arrival) {
        return new StepEvent(type, Optional.ofNullable(step), occurredAt, arrival, Optional.empty());
    }
}
