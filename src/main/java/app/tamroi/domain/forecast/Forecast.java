package app.tamroi.domain.forecast;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * How much working time an open application probably still needs: half of similar applications
 * needed at most {@code p50Remaining}, eight in ten at most {@code p80Remaining}. The basis says
 * whether that comes from history or, short of enough of it, only from the plan.
 */
public record Forecast(Basis basis, Duration p50Remaining, Duration p80Remaining, long sampleSize, int windowDays) {

    public enum Basis { HISTORY, PLAN }

    public Forecast {
        if (basis == null || p50Remaining == null || p80Remaining == null || p50Remaining.isNegative()
                || p80Remaining.compareTo(p50Remaining) < 0) {
            throw new IllegalArgumentException("a forecast needs a basis and 0 ≤ p50 ≤ p80");
        }
    }

    /** The instant by which half of similar applications were done, counted in the service's calendar. */
    public Instant p50By(WorkingCalendar calendar, Instant now) {
        return calendar.addWorkingTime(now, p50Remaining);
    }

    /** The instant by which eight in ten similar applications were done. */
    public Instant p80By(WorkingCalendar calendar, Instant now) {
        return calendar.addWorkingTime(now, p80Remaining);
    }

    public long p50RemainingMinutes() {
        return JourneyStatus.minutes(p50Remaining);
    }

    public long p80RemainingMinutes() {
        return JourneyStatus.minutes(p80Remaining);
    }
}
