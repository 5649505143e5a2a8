package app.tamroi.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * When work counts: a time zone, the working days of the week, optional daily working hours and
 * holidays as local dates. Time is counted exactly as real elapsed time inside the local working
 * windows, so a day on which daylight saving starts is shorter in real time too.
 *
 * <p>Spans are measured in closed form, by whole weeks, holidays and clock changes rather than
 * day by day, so any instant java.time can hold gets an answer in bounded time (an "as of" in the
 * year 1,000,000 once kept a CPU busy for hours).
 */
public final class WorkingCalendar {

    /** Days are counted after the epoch; every working day needs a next midnight java.time can name. */
    static final long FIRST_DAY = LocalDate.MIN.toEpochDay();
    static final long LAST_DAY = LocalDate.MAX.toEpochDay() - 1;
    /** The zone's offset is looked up no further out than this, where java.time still names the dates. */
    private static final Instant EARLIEST_LOOKUP = Instant.ofEpochSecond(FIRST_DAY * 86_400);
    private static final Instant LATEST_LOOKUP = Instant.ofEpochSecond(LAST_DAY * 86_400);

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final Optional<WorkingHours> workingHours;
    private final SortedSet<LocalDate> holidays;
    /** Working weekdays among the first n days of a week that starts on a Thursday, as the epoch did. */
    private final int[] workingWeekdaysInWeekBefore = new int[7];
    private final long[] holidaysOnWorkingWeekdays;
    private final ClockChanges clockChanges;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, Optional<WorkingHours> workingHours,
                           Set<LocalDate> holidays) {
        if (zone == null) {
            throw new IllegalArgumentException("a calendar needs a time zone");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day");
        }
        this.zone = zone;
        this.workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        this.workingHours = workingHours == null ? Optional.empty() : workingHours;
        this.holidays = new TreeSet<>(holidays == null ? Set.of() : holidays);
        for (int day = 0; day < 6; day++) {
            workingWeekdaysInWeekBefore[day + 1] = workingWeekdaysInWeekBefore[day] + (isWorkingWeekday(day) ? 1 : 0);
        }
        this.holidaysOnWorkingWeekdays = this.holidays.stream()
                .filter(d -> this.workingDays.contains(d.getDayOfWeek()))
                .mapToLong(LocalDate::toEpochDay)
                .filter(day -> day >= FIRST_DAY && day <= LAST_DAY)
                .toArray();
        this.clockChanges = new ClockChanges(this);
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> workingDays() {
        return workingDays;
    }

    public Optional<WorkingHours> workingHours() {
        return workingHours;
    }

    public SortedSet<LocalDate> holidays() {
        return java.util.Collections.unmodifiableSortedSet(holidays);
    }

    /** A whole working day: 24 h without working hours, else the length of the window. */
    public Duration workingDay() {
        return workingHours.map(WorkingHours::length).orElse(Duration.ofDays(1));
    }

    /** How much working time a written duration stands for in this calendar. */
    public Duration lengthOf(WorkingDuration duration) {
        return switch (duration.unit()) {
            case DAYS -> workingDay().multipliedBy(duration.amount());
            case HOURS -> Duration.ofHours(duration.amount());
            case MINUTES -> Duration.ofMinutes(duration.amount());
        };
    }

    public boolean isWorkingDate(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Working time inside [from, to); zero when to is not after from. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        // a window may start the local day before (the instant lies just after local midnight)
        long first = Math.max(FIRST_DAY, localDay(from) - 1);
        long last = Math.min(LAST_DAY, localDay(to));
        Duration total = Duration.ZERO;
        long day = first;
        for (; day <= last && opening(day).isBefore(from); day++) {
            total = total.plus(overlap(day, from, to));
        }
        long end = last;
        for (; end >= day && closing(end).isAfter(to); end--) {
            total = total.plus(overlap(end, from, to));
        }
        // every window of the days between lies wholly inside [from, to)
        return total.plus(workedOn(day, end));
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed after {@code from}:
     * {@code from} itself for zero, and the end of a window (not the next opening) when the amount
     * runs out exactly there.
     *
     * @throws IllegalArgumentException when that instant lies past the last date java.time can name
     */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative working time");
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        long day = Math.max(FIRST_DAY, localDay(from) - 1);
        for (; day <= LAST_DAY && opening(day).isBefore(from); day++) {
            Instant closing = closing(day);
            if (isWorkingDay(day) && closing.isAfter(from)) {
                Duration available = Duration.between(from, closing);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        // from here on every window opens at or after from and counts whole
        long start = day;
        Duration wanted = left;
        long reached = nearestDayReaching(start, 1, LAST_DAY, d -> workedOn(start, d).compareTo(wanted) >= 0)
                .orElseThrow(() -> new IllegalArgumentException("adding " + amount + " of working time to " + from
                        + " ends after the last date java.time can represent"));
        return opening(reached).plus(left.minus(workedOn(start, reached - 1)));
    }

    /**
     * The latest instant from which {@code amount} of working time has passed by {@code to}: the
     * inverse of {@link #addWorkingTime}, for dating what happened a given working time ago.
     *
     * @throws IllegalArgumentException when that instant lies before the first date java.time can name
     */
    public Instant subtractWorkingTime(Instant to, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot subtract negative working time");
        }
        if (amount.isZero()) {
            return to;
        }
        Duration left = amount;
        long day = Math.min(LAST_DAY, localDay(to) + 1);
        for (; day >= FIRST_DAY && closing(day).isAfter(to); day--) {
            Instant opening = opening(day);
            if (isWorkingDay(day) && opening.isBefore(to)) {
                Duration available = Duration.between(opening, to);
                if (left.compareTo(available) <= 0) {
                    return to.minus(left);
                }
                left = left.minus(available);
            }
        }
        // from here back every window closes at or before to and counts whole
        long end = day;
        Duration wanted = left;
        long reached = nearestDayReaching(end, -1, FIRST_DAY, d -> workedOn(d, end).compareTo(wanted) >= 0)
                .orElseThrow(() -> new IllegalArgumentException("subtracting " + amount + " of working time from " + to
                        + " starts before the first date java.time can represent"));
        return closing(reached).minus(left.minus(workedOn(reached + 1, end)));
    }

    /**
     * The day nearest to {@code start}, going in {@code direction} (+1 or -1) no further than
     * {@code limit}, at which {@code reached} turns true, for a test that stays true once it is:
     * steps that double, then halving, so even four thousand years ahead take some forty looks.
     */
    private static OptionalLong nearestDayReaching(long start, int direction, long limit, LongPredicate reached) {
        if ((limit - start) * direction < 0) {
            return OptionalLong.empty();
        }
        long notYet = start - direction;
        long step = 1;
        while (true) {
            long candidate = direction > 0 ? Math.min(notYet + step, limit) : Math.max(notYet - step, limit);
            if (reached.test(candidate)) {
                while (Math.abs(candidate - notYet) > 1) {
                    long middle = notYet + (candidate - notYet) / 2;
                    if (reached.test(middle)) {
                        candidate = middle;
                    } else {
                        notYet = middle;
                    }
                }
                return OptionalLong.of(candidate);
            }
            if (candidate == limit) {
                return OptionalLong.empty();
            }
            notYet = candidate;
            step *= 2;
        }
    }

    /**
     * Working time of the whole windows of the days from {@code first} to {@code last}: nominal
     * windows of the working weekdays, those of the holidays taken out, then what clock changes add
     * or take away on the dates they touch.
     */
    private Duration workedOn(long first, long last) {
        if (last < first) {
            return Duration.ZERO;
        }
        long workingDates = workingWeekdaysBefore(last + 1) - workingWeekdaysBefore(first)
                - (holidaysOnWorkingWeekdaysThrough(last) - holidaysOnWorkingWeekdaysThrough(first - 1));
        return workingDay().multipliedBy(workingDates).plus(clockChanges.between(first, last));
    }

    /** Working weekdays among the days before {@code day}, counted from the epoch (negative before it). */
    private long workingWeekdaysBefore(long day) {
        return Math.floorDiv(day, 7) * workingDays.size() + workingWeekdaysInWeekBefore[(int) Math.floorMod(day, 7)];
    }

    private long holidaysOnWorkingWeekdaysThrough(long day) {
        int found = Arrays.binarySearch(holidaysOnWorkingWeekdays, day);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The local date of an instant, as a day after the epoch; beyond java.time's dates the offset there serves. */
    private long localDay(Instant instant) {
        Instant near = instant.isBefore(EARLIEST_LOOKUP) ? EARLIEST_LOOKUP
                : instant.isAfter(LATEST_LOOKUP) ? LATEST_LOOKUP : instant;
        return Math.floorDiv(instant.getEpochSecond() + zone.getRules().getOffset(near).getTotalSeconds(), 86_400);
    }

    boolean isWorkingDay(long day) {
        return isWorkingDate(LocalDate.ofEpochDay(day));
    }

    boolean isWorkingWeekday(long day) {
        return workingDays.contains(dayOfWeek(day));
    }

    long[] holidaysOnWorkingWeekdays() {
        return holidaysOnWorkingWeekdays;
    }

    /** The real length of the window a day would have if it were a working day. */
    Duration windowLength(long day) {
        return Duration.between(opening(day), closing(day));
    }

    private Duration overlap(long day, Instant from, Instant to) {
        if (!isWorkingDay(day)) {
            return Duration.ZERO;
        }
        Instant opening = opening(day);
        Instant closing = closing(day);
        Instant start = opening.isAfter(from) ? opening : from;
        Instant end = closing.isBefore(to) ? closing : to;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    private Instant opening(long day) {
        return instantOf(localOpening(day));
    }

    private Instant closing(long day) {
        return instantOf(localClosing(day));
    }

    /** When a day's window opens by the local clock, whether or not the day is a working day. */
    LocalDateTime localOpening(long day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        return workingHours.map(h -> date.atTime(h.start())).orElseGet(date::atStartOfDay);
    }

    LocalDateTime localClosing(long day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        return workingHours.map(h -> date.atTime(h.end())).orElseGet(() -> date.plusDays(1).atStartOfDay());
    }

    private static DayOfWeek dayOfWeek(long day) {
        return DayOfWeek.of((int) Math.floorMod(day + 3, 7) + 1);
    }

    /**
     * A local time the clock skips when daylight saving starts is reached the moment the clock
     * jumps past it. Shifting it by the gap instead, as {@code atZone} does, would count time after
     * closing, or give a window that ends before it starts. (For midnight this is what
     * {@code atStartOfDay(zone)} does, so whole days follow the same rule.)
     */
    private Instant instantOf(LocalDateTime local) {
        ZoneOffsetTransition change = zone.getRules().getTransition(local);
        return change != null && change.isGap() ? change.getInstant() : local.atZone(zone).toInstant();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && zone.equals(c.zone) && workingDays.equals(c.workingDays)
                && workingHours.equals(c.workingHours) && holidays.equals(c.holidays);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(zone, workingDays, workingHours, holidays);
    }
}
