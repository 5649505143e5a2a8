package app.tamroi.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * The calendar's first algorithm, which walks one local day at a time: too slow for far-off
 * instants, but easy to believe, so the closed form is checked against it on spans a test can walk.
 */
final class DayByDayReference {

    private static final int MAX_DAYS_WALKED = 366 * 200;

    private final WorkingCalendar calendar;

    DayByDayReference(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (LocalDate date = startDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isPresent()) {
                total = total.plus(window.get().overlap(from, to));
            }
        }
        return total;
    }

    Instant addWorkingTime(Instant from, Duration amount) {
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

    Instant subtractWorkingTime(Instant to, Duration amount) {
        if (amount.isZero()) {
            return to;
        }
        Duration left = amount;
        LocalDate date = to.atZone(calendar.zone()).toLocalDate().plusDays(1);
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

    private LocalDate startDate(Instant from) {
        return from.atZone(calendar.zone()).toLocalDate().minusDays(1);
    }

    private Optional<Window> windowOn(LocalDate date) {
        if (!calendar.isWorkingDate(date)) {
            return Optional.empty();
        }
        return Optional.of(calendar.workingHours()
                .map(h -> new Window(instantOf(date.atTime(h.start())), instantOf(date.atTime(h.end()))))
                .orElseGet(() -> new Window(date.atStartOfDay(calendar.zone()).toInstant(),
                        date.plusDays(1).atStartOfDay(calendar.zone()).toInstant())));
    }

    private Instant instantOf(LocalDateTime local) {
        ZoneOffsetTransition change = calendar.zone().getRules().getTransition(local);
        return change != null && change.isGap() ? change.getInstant() : local.atZone(calendar.zone()).toInstant();
    }

    private record Window(Instant start, Instant end) {
        Duration overlap(Instant from, Instant to) {
            Instant s = start.isAfter(from) ? start : from;
            Instant e = end.isBefore(to) ? end : to;
            return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
        }
    }
}
