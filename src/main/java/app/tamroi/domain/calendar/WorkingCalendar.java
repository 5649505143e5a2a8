package app.tamroi.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When work counts: a time zone, the working days of the week, optional daily working hours and
 * holidays as local dates. Time is counted exactly as real elapsed time inside the local working
 * windows, so a day on which daylight saving starts is shorter in real time too.
 */
public final class WorkingCalendar {

    /** Guards the day-by-day walk against calendars with no working day left in reach. */
    private static final int MAX_DAYS_WALKED = 366 * 200;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final Optional<WorkingHours> workingHours;
    private final SortedSet<LocalDate> holidays;

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
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = startDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isPresent()) {
                total = total.plus(window.get().overlap(from, to));
            }
        }
        return total;
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed after {@code from}:
     * {@code from} itself for zero, and the end of a window (not the next opening) when the amount
     * runs out exactly there.
     */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative working time");
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate date = startDate(from);
        for (int walked = 0; walked < MAX_DAYS_WALKED; walked++, date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isEmpty() || !window.get().end().isAfter(from)) {
                continue;
            }
            Instant start = window.get().start().isAfter(from) ? window.get().start() : from;
            Duration available = Duration.between(start, window.get().end());
            if (left.compareTo(available) <= 0) {
                return start.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within 200 years of " + from);
    }

    /**
     * The latest instant from which {@code amount} of working time has passed by {@code to}: the
     * inverse of {@link #addWorkingTime}, for dating what happened a given working time ago.
     */
    public Instant subtractWorkingTime(Instant to, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot subtract negative working time");
        }
        if (amount.isZero()) {
            return to;
        }
        Duration left = amount;
        LocalDate date = to.atZone(zone).toLocalDate().plusDays(1);
        for (int walked = 0; walked < MAX_DAYS_WALKED; walked++, date = date.minusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isEmpty() || !window.get().start().isBefore(to)) {
                continue;
            }
            Instant end = window.get().end().isBefore(to) ? window.get().end() : to;
            Duration available = Duration.between(window.get().start(), end);
            if (left.compareTo(available) <= 0) {
                return end.minus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within 200 years before " + to);
    }

    /** A window may start the local day before (the instant lies just after local midnight). */
    private LocalDate startDate(Instant from) {
        return from.atZone(zone).toLocalDate().minusDays(1);
    }

    private Optional<Window> windowOn(LocalDate date) {
        if (!isWorkingDate(date)) {
            return Optional.empty();
        }
        return Optional.of(workingHours
                .map(h -> new Window(instantOf(date.atTime(h.start())), instantOf(date.atTime(h.end()))))
                .orElseGet(() -> new Window(date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant())));
    }

    /**
     * A local time the clock skips when daylight saving starts is reached the moment the clock
     * jumps past it. Shifting it by the gap instead, as {@code atZone} does, would count time after
     * closing, or give a window that ends before it starts.
     */
    private Instant instantOf(LocalDateTime local) {
        ZoneOffsetTransition change = zone.getRules().getTransition(local);
        return change != null && change.isGap() ? change.getInstant() : local.atZone(zone).toInstant();
    }

    private record Window(Instant start, Instant end) {
        Duration overlap(Instant from, Instant to) {
            Instant s = start.isAfter(from) ? start : from;
            Instant e = end.isBefore(to) ? end : to;
            return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
        }
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
