package app.tamroi.domain.forecast;

import app.tamroi.domain.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one service's journeys taught, kept as one tally per local day. Recording touches only the
 * days concerned; asking for a window adds up at most that many daily tallies, so no question
 * ever reads raw events.
 *
 * <p>A whole journey is filed under the day it ended, visits included: a visit is learned once
 * its journey is over, so an open application's visits never half-count. Entries into and exits
 * from steps are filed under their own days: they make the queues.
 */
public final class ServiceStatistics {

    public static final int DEFAULT_WINDOW_DAYS = 180;
    /**
     * Within the window, how many days back a day weighs half as much as yesterday; 0, all days
     * alike, measured best on both calibration workloads (docs/forecast-calibration.md): visits are
     * learned the day they are left and a growing queue is counted, which already follow a change.
     */
    public static final int DEFAULT_HALF_LIFE_DAYS = 0;
    /** How far back a step's pace is measured: recent enough to follow a surge, long enough to hold a few weeks. */
    public static final int PACE_DAYS = 28;

    private final TreeMap<LocalDate, History> days = new TreeMap<>();
    private final TreeMap<LocalDate, Map<String, long[]>> moves = new TreeMap<>();

    /** Records a journey whose service has working days of {@code workingDay}, by which elapsed bands are measured. */
    public void record(CompletedJourney journey, Duration workingDay) {
        History day = dayOf(journey.endedOn());
        day.addJourneys(1);
        double dayMinutes = StepTimes.minutes(workingDay);
        journey.forEachVisit((visit, next) -> day.addVisit(visit.step(),
                ElapsedBand.of(StepTimes.minutes(visit.elapsedBefore()), dayMinutes), visit.worked(), next));
        day.addWhole(StepTimes.binOf(journey.visits().stream().map(v -> v.worked()).reduce(Duration.ZERO, Duration::plus)), 1);
    }

    /** Adds one stored count (negative to take away): how the statistics are read back from the store. */
    public void add(Tally.Entry entry, long count) {
        switch (entry.kind()) {
            case ENDED -> dayOf(entry.day()).addJourneys(count);
            case VISIT -> dayOf(entry.day()).addVisits(entry.step(), Tally.band(entry.item()),
                    Integer.parseInt(Tally.banded(entry.item())), count);
            case NEXT -> dayOf(entry.day()).addTransitions(entry.step(), Tally.band(entry.item()), Tally.banded(entry.item()),
                    count);
            case WHOLE -> dayOf(entry.day()).addWhole(Integer.parseInt(entry.item()), count);
            case ENTERED -> movesOf(entry.day(), entry.step())[0] += count;
            case LEFT -> movesOf(entry.day(), entry.step())[1] += count;
        }
    }

    private History dayOf(LocalDate day) {
        return days.computeIfAbsent(day, d -> new History(1));
    }

    private long[] movesOf(LocalDate day, String step) {
        return moves.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(step, s -> new long[2]);
    }

    /**
     * What was known at the start of {@code day}: journeys that ended on the {@code windowDays}
     * days before it, {@code day} itself excluded, so an answer given during a day never depends
     * on what happened later that day, and the same day always gets the same answer.
     */
    public History asOf(LocalDate day, int windowDays) {
        return asOf(day, windowDays, 0);
    }

    /**
     * As {@link #asOf(LocalDate, int)}, with each day's times and ways on weighing half as much
     * every {@code halfLifeDays} days back (0: all days alike), so that a step that changes its
     * pace shows within a few half-lives while the whole window still counts.
     */
    public History asOf(LocalDate day, int windowDays, int halfLifeDays) {
        if (windowDays < 1 || halfLifeDays < 0) {
            throw new IllegalArgumentException("a window has at least one day and a half-life no fewer than none");
        }
        History window = new History(windowDays);
        days.subMap(day.minusDays(windowDays), true, day, false)
                .forEach((d, history) -> window.addAll(history, weight(java.time.temporal.ChronoUnit.DAYS.between(d, day), halfLifeDays)));
        return window;
    }

    /** Whole-number weights, 1024 for yesterday, halving every half-life, never below 1. */
    private static long weight(long daysBack, int halfLifeDays) {
        if (halfLifeDays == 0) {
            return 1;
        }
        return Math.max(1, Math.round(1024 * Math.pow(2, -(daysBack - 1) / (double) halfLifeDays)));
    }

    /**
     * The load on each step at the start of {@code day}: the applications in it (every entry
     * before that day less every exit), against the exits and the entries of the last
     * {@link #PACE_DAYS} days per working day of the calendar in them.
     */
    public Map<String, Queue> queuesAsOf(LocalDate day, WorkingCalendar calendar) {
        Map<String, long[]> waiting = new HashMap<>();
        Map<String, Long> recentExits = new HashMap<>();
        Map<String, Long> recentEntries = new HashMap<>();
        LocalDate paceFrom = day.minusDays(PACE_DAYS);
        moves.headMap(day, false).forEach((d, steps) -> steps.forEach((step, counts) -> {
            long[] w = waiting.computeIfAbsent(step, s -> new long[1]);
            w[0] += counts[0] - counts[1];
            if (!d.isBefore(paceFrom)) {
                recentExits.merge(step, counts[1], Long::sum);
                recentEntries.merge(step, counts[0], Long::sum);
            }
        }));
        double workingDays = workingDays(calendar, paceFrom, day);
        Map<String, Queue> queues = new HashMap<>();
        waiting.forEach((step, w) -> {
            double pace = workingDays == 0 ? 0 : recentExits.getOrDefault(step, 0L) / workingDays;
            double arrivals = workingDays == 0 ? 0 : recentEntries.getOrDefault(step, 0L) / workingDays;
            queues.put(step, new Queue(Math.max(0, w[0]), pace, arrivals));
        });
        return queues;
    }

    /** Working days from the start of {@code from} to the start of {@code to}, in whole calendar working days. */
    private static double workingDays(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        Duration worked = calendar.workingTimeBetween(from.atStartOfDay(calendar.zone()).toInstant(),
                to.atStartOfDay(calendar.zone()).toInstant());
        return StepTimes.minutes(worked) / StepTimes.minutes(calendar.workingDay());
    }
}
