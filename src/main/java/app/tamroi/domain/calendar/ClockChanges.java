package app.tamroi.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * How much the clock changes of a calendar's zone (daylight saving, a new standard offset, a
 * skipped day) lengthen or shorten its working days, summed over any run of dates. The work does
 * not grow with the run: a zone changes its clock on few dates before its yearly rules take over,
 * and under yearly rules every date, weekday and clock change repeats every 400 Gregorian years.
 */
final class ClockChanges {

    /** Days in 400 Gregorian years, a whole number of weeks. */
    static final long CYCLE_DAYS = 146_097;

    /** Runs of dates shorter than this look at their few clock changes directly, without the tables. */
    private static final long NEARBY_DAYS = 3 * 366;

    /** A clock change touches the windows of dates at most two days from its instant's UTC date. */
    private static final long REACH_DAYS = 3;

    private final WorkingCalendar calendar;
    private final ZoneRules rules;
    /** From this date on only the zone's yearly rules change the clock. */
    private final long periodicFrom;

    // Built on first use by a long run of dates: most calendars only ever see a few years.
    private volatile Corrections beforeRules;
    private volatile Corrections firstCycle;
    private volatile Corrections holidaysUnderRules;

    ClockChanges(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.rules = calendar.zone().getRules();
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        if (listed.isEmpty()) {
            periodicFrom = 0;
        } else {
            ZoneOffsetTransition last = listed.get(listed.size() - 1);
            // a year of margin: the listed changes and the yearly rules may share the last listed year
            int year = Math.max(last.getDateTimeBefore().getYear(), last.getDateTimeAfter().getYear()) + 2;
            periodicFrom = LocalDate.of(year, 1, 1).toEpochDay();
        }
    }

    /** Real minus nominal working time over the working dates from {@code first} to {@code last}. */
    Duration between(long first, long last) {
        if (last - first < NEARBY_DAYS) {
            return Duration.ofNanos(collect(first, last, calendar::isWorkingDay, 0).total());
        }
        return through(last).minus(through(first - 1));
    }

    /** Real minus nominal working time over the working dates up to and including {@code day}. */
    private Duration through(long day) {
        if (day < periodicFrom) {
            return Duration.ofNanos(beforeRules().through(day));
        }
        long cycles = Math.floorDiv(day - periodicFrom, CYCLE_DAYS);
        Corrections cycle = firstCycle();
        return Duration.ofNanos(beforeRules().total())
                .plus(Duration.ofNanos(cycle.total()).multipliedBy(cycles))
                .plus(Duration.ofNanos(cycle.through(day - periodicFrom - cycles * CYCLE_DAYS)))
                .minus(Duration.ofNanos(holidaysUnderRules().through(day)));
    }

    private Corrections beforeRules() {
        Corrections found = beforeRules;
        if (found == null) {
            beforeRules = found = collect(WorkingCalendar.FIRST_DAY, periodicFrom - 1, calendar::isWorkingDay, 0);
        }
        return found;
    }

    /** Working weekdays of the first 400 years under the yearly rules, holidays aside, by days after its start. */
    private Corrections firstCycle() {
        Corrections found = firstCycle;
        if (found == null) {
            firstCycle = found = collect(periodicFrom, periodicFrom + CYCLE_DAYS - 1,
                    calendar::isWorkingWeekday, periodicFrom);
        }
        return found;
    }

    /** What a holiday under the yearly rules takes back of the cycle it falls in. */
    private Corrections holidaysUnderRules() {
        Corrections found = holidaysUnderRules;
        if (found == null) {
            Corrections cycle = firstCycle();
            TreeMap<Long, Long> taken = new TreeMap<>();
            for (long holiday : calendar.holidaysOnWorkingWeekdays()) {
                long nanos = holiday < periodicFrom ? 0 : cycle.on(Math.floorMod(holiday - periodicFrom, CYCLE_DAYS));
                if (nanos != 0) {
                    taken.put(holiday, nanos);
                }
            }
            holidaysUnderRules = found = Corrections.of(taken);
        }
        return found;
    }

    /**
     * The dates in [first, last] on which {@code counts} holds and whose window differs from the
     * nominal one, keyed by days after {@code origin}. A window differs only if a clock change
     * falls inside it (ends included), so only the dates around each change are looked at.
     */
    private Corrections collect(long first, long last, LongPredicate counts, long origin) {
        TreeMap<Long, Long> differing = new TreeMap<>();
        if (last < first) {
            return Corrections.of(differing);
        }
        Instant end = startOfUtcDay(last + REACH_DAYS);
        for (ZoneOffsetTransition change = rules.nextTransition(startOfUtcDay(first - REACH_DAYS));
             change != null && !change.getInstant().isAfter(end);
             change = rules.nextTransition(change.getInstant())) {
            LocalDateTime before = change.getDateTimeBefore();
            LocalDateTime earliest = change.isGap() ? before : change.getDateTimeAfter();
            LocalDateTime latest = change.isGap() ? change.getDateTimeAfter() : before;
            // a change can fall inside a window (ends included) only if the window opens by the
            // later of the clock's two readings at the change and closes no earlier than its
            // reading before it: a date or two, and the day before, whose window may end right
            // at the change. Two close changes may both name a date; the map keeps it once.
            long from = Math.max(earliest.toLocalDate().toEpochDay() - 1, first);
            long to = Math.min(latest.toLocalDate().toEpochDay(), last);
            for (long day = from; day <= to; day++) {
                if (counts.test(day) && !calendar.localOpening(day).isAfter(latest)
                        && !calendar.localClosing(day).isBefore(before)) {
                    long nanos = calendar.windowLength(day).minus(calendar.workingDay()).toNanos();
                    if (nanos != 0) {
                        differing.put(day - origin, nanos);
                    }
                }
            }
        }
        return Corrections.of(differing);
    }

    private static Instant startOfUtcDay(long day) {
        return Instant.ofEpochSecond(day * 86_400);
    }

    /** Sorted dates with how much their window differs, and running sums for any prefix. */
    private record Corrections(long[] days, long[] nanosBefore) {

        static Corrections of(TreeMap<Long, Long> nanosByDay) {
            long[] days = new long[nanosByDay.size()];
            long[] sums = new long[days.length + 1];
            int i = 0;
            for (var entry : nanosByDay.entrySet()) {
                days[i] = entry.getKey();
                sums[i + 1] = sums[i] + entry.getValue();
                i++;
            }
            return new Corrections(days, sums);
        }

        long through(long day) {
            int found = Arrays.binarySearch(days, day);
            return nanosBefore[found >= 0 ? found + 1 : -found - 1];
        }

        long on(long day) {
            int found = Arrays.binarySearch(days, day);
            return found >= 0 ? nanosBefore[found + 1] - nanosBefore[found] : 0;
        }

        long total() {
            return nanosBefore[days.length];
        }
    }
}
