package app.tamroi.support;

import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Event logs for tests, written the way an agency in Bangkok would read them: local times, one
 * event per line, numbered in the order they are listed as if they arrived in that order.
 */
public final class EventLog {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private EventLog() {
    }

    /** An instant from a Bangkok wall-clock time such as {@code 2026-11-16T09:00}. */
    public static Instant bangkok(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BANGKOK).toInstant();
    }

    public static List<StepEvent> arrivedInOrder(StepEvent... events) {
        List<StepEvent> numbered = new ArrayList<>();
        for (StepEvent e : events) {
            numbered.add(new StepEvent(e.type(), e.step(), e.occurredAt(), numbered.size(), e.publicNote()));
        }
        return numbered;
    }

    public static StepEvent submitted(String at) {
        return event(StepEventType.SUBMITTED, null, at);
    }

    public static StepEvent stepStarted(String step, String at) {
        return event(StepEventType.STEP_STARTED, step, at);
    }

    public static StepEvent stepCompleted(String step, String at) {
        return event(StepEventType.STEP_COMPLETED, step, at);
    }

    public static StepEvent paused(String at) {
        return event(StepEventType.PAUSED, null, at);
    }

    public static StepEvent resumed(String at) {
        return event(StepEventType.RESUMED, null, at);
    }

    public static StepEvent completed(String at) {
        return event(StepEventType.COMPLETED, null, at);
    }

    public static StepEvent rejected(String at) {
        return event(StepEventType.REJECTED, null, at);
    }

    private static StepEvent event(StepEventType type, String step, String at) {
        return StepEvent.of(type, step, bangkok(at), 0);
    }
}
