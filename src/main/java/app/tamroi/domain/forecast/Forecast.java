package app.tamroi.domain.forecast;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How much working time an open application probably still needs: half of similar applications
 * needed at most {@code p50Remaining}, eight in ten at most {@code p80Remaining}. The basis says
 * whether that comes from history or, short of enough of it, only from the plan. The whole spread
 * is kept at every twentieth (5 %, 10 %, … 95 %), so that how well the forecast is calibrated can
 * be checked at every level, not only at the two it tells.
 */
public record Forecast(Basis basis, Duration p50Remaining, Duration p80Remaining, long sampleSize, int windowDays,
                       List<Duration> twentieths) {

    public enum Basis { HISTORY, PLAN }

    /** The levels kept: 5 %, 10 %, … 95 %. */
    public static final int LEVELS = 19;

    public Forecast {
        if (basis == null || p50Remaining == null || p80Remaining == null || p50Remaining.isNegative()
                || p80Remaining.compareTo(p50Remaining) < 0 || twentieths == null || twentieths.size() != LEVELS) {
            throw new IllegalArgumentException("a forecast needs a basis, 0 ≤ p50 ≤ p80 and its nineteen twentieths");
        }
        twentieths = List.copyOf(twentieths);
    }

    /** Only the plan: its remaining time at every level. */
    public static Forecast plan(Duration remaining, long sampleSize, int windowDays) {
        return new Forecast(Basis.PLAN, remaining, remaining, sampleSize, windowDays, Collections.nCopies(LEVELS, remaining));
    }

    static Forecast ofSortedPlays(double[] sortedMinutes, long sampleSize, int windowDays) {
        List<Duration> levels = new ArrayList<>(LEVELS);
        for (int k = 1; k <= LEVELS; k++) {
            levels.add(duration(quantile(sortedMinutes, k / 20.0)));
        }
        return new Forecast(Basis.HISTORY, levels.get(9), levels.get(15), sampleSize, windowDays, levels);
    }

    /** The remaining time below which {@code twentieths}/20 of similar applications ended, 1 ≤ twentieths ≤ 19. */
    public Duration remainingAt(int twentieths) {
        return this.twentieths.get(twentieths - 1);
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

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static Duration duration(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }
}
