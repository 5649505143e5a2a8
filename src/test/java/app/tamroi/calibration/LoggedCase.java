package app.tamroi.calibration;

import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case of an event log as the calibration protocol counts it: its events in the order they
 * happened, each with the step events Tamroi is sent for it. A prefix of k events is what was known
 * at the k-th event's time; the last event ends the case.
 */
public record LoggedCase(String subject, List<LogEvent> events) {

    /**
     * One event of the log: when it happened, what the log calls it (an activity, or the step event
     * itself) and what Tamroi is told of it.
     */
    public record LogEvent(Instant at, String activity, List<Sent> sent) {
        public LogEvent {
            sent = List.copyOf(sent);
        }
    }

    /** One step event sent to Tamroi; {@code step} is null for events that name none. */
    public record Sent(StepEventType type, String step) {
    }

    public LoggedCase {
        events = List.copyOf(events);
        if (events.isEmpty() || events.get(0).sent().isEmpty() || events.get(0).sent().get(0).type() != StepEventType.SUBMITTED) {
            throw new IllegalArgumentException("case " + subject + " must start with its submission");
        }
        LogEvent last = events.get(events.size() - 1);
        if (!last.sent().get(last.sent().size() - 1).type().endsJourney()) {
            throw new IllegalArgumentException("case " + subject + " must end with its ending");
        }
    }

    public Instant start() {
        return events.get(0).at();
    }

    public Instant end() {
        return events.get(events.size() - 1).at();
    }

    public StepEventType outcome() {
        LogEvent last = events.get(events.size() - 1);
        return last.sent().get(last.sent().size() - 1).type();
    }

    /** The instant of the k-th event, 1 ≤ k ≤ n. */
    public Instant at(int k) {
        return events.get(k - 1).at();
    }

    public String activity(int k) {
        return events.get(k - 1).activity();
    }

    /** Every step event of the case as the domain reads it, numbered in the order they are sent. */
    public List<StepEvent> stepEvents() {
        List<StepEvent> all = new ArrayList<>();
        for (LogEvent e : events) {
            for (Sent s : e.sent()) {
                all.add(new StepEvent(s.type(), Optional.ofNullable(s.step()), e.at(), all.size(), Optional.empty()));
            }
        }
        return all;
    }
}
