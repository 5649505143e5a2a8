package app.tamroi.domain.application;

import app.tamroi.domain.journey.StepEvent;
import java.time.Instant;

/** An event as the log keeps it: what happened and when, and when and how we heard of it. */
public record RecordedEvent(String source, String id, StepEvent event, Instant receivedAt, String channel) {
}
