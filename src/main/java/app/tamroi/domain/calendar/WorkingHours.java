package app.tamroi.domain.calendar;

import java.time.Duration;
import java.time.LocalTime;

/** The daily window in which work counts, in the calendar's local time. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public WorkingHours {
        if (start == null || end == null) {
            throw new IllegalArgumentException("working hours need a start and an end");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start (" + start + "–" + end + ")");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
