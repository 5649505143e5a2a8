package app.tamroi.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random calendar and a random span [from, to) of up to about thirty years, drawn where
 * calendars go wrong: around clock changes (with working hours that hold the jump, like
 * 01:00–03:00), on a day a zone skipped, in the year 1867 when Alaska's clocks went back a whole
 * day, where the zone's yearly rules take over from its listed changes, and centuries ahead.
 */
record GeneratedCalendar(WorkingCalendar calendar, Instant from, Instant to) {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Bangkok"), ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"), ZoneOffset.UTC,
            ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("America/Juneau"), ZoneId.of("Pacific/Kwajalein"));

    private static final double THIRTY_YEARS_IN_SECONDS = 30 * 365.25 * 86_400;

    static GeneratedCalendar random(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Instant from = somewhere(zone, random);
        Instant to = from.plusSeconds((long) Math.exp(random.nextDouble() * Math.log(THIRTY_YEARS_IN_SECONDS)))
                .plusNanos(random.nextInt(1_000_000_000));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        while (days.isEmpty()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (random.nextInt(3) > 0) {
                    days.add(d);
                }
            }
        }
        ZoneOffsetTransition change = zone.getRules().nextTransition(from);
        LocalTime jump = change == null ? LocalTime.of(2, 0) : change.getDateTimeBefore().toLocalTime();
        Optional<WorkingHours> hours = switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(randomHours(random));
            default -> Optional.of(hoursAround(jump, random));
        };
        Set<LocalDate> holidays = new TreeSet<>();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(3);
        long spanDays = Duration.between(from, to).toDays() + 6;
        for (int i = random.nextInt(60); i > 0; i--) {
            holidays.add(first.plusDays((long) (random.nextDouble() * spanDays)));
        }
        if (change != null && random.nextBoolean()) {
            holidays.add(change.getDateTimeBefore().toLocalDate());
        }
        return new GeneratedCalendar(new WorkingCalendar(zone, days, hours, holidays), from, to);
    }

    private static Instant somewhere(ZoneId zone, Random random) {
        Instant anywhere = switch (random.nextInt(6)) {
            case 0 -> year(1800 + random.nextInt(800), random);
            case 1 -> year(2030 + random.nextInt(20), random); // the listed changes give way to the yearly rules
            case 2 -> year(2000 + random.nextInt(200_000), random);
            case 3 -> zone.equals(ZoneId.of("Pacific/Apia")) ? Instant.parse("2011-12-20T00:00:00Z")
                    : zone.equals(ZoneId.of("America/Juneau")) ? Instant.parse("1867-10-10T00:00:00Z")
                    : zone.equals(ZoneId.of("Pacific/Kwajalein")) ? Instant.parse("1993-08-10T00:00:00Z")
                    : year(1900 + random.nextInt(200), random);
            default -> year(1900 + random.nextInt(200), random);
        };
        ZoneOffsetTransition change = zone.getRules().nextTransition(anywhere);
        if (change == null || random.nextInt(3) == 0) {
            return anywhere;
        }
        // just before a clock change, so the span starts or ends near it
        return change.getInstant().minusSeconds(random.nextInt(3 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
    }

    private static Instant year(int year, Random random) {
        return LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC)
                .plusSeconds(random.nextInt(366 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
    }

    private static WorkingHours randomHours(Random random) {
        int start = random.nextInt(95) * 15;
        int end = start + 15 * (1 + random.nextInt((24 * 60 - 15 - start) / 15));
        return new WorkingHours(LocalTime.ofSecondOfDay(start * 60L),
                LocalTime.ofSecondOfDay(end * 60L).plusNanos(random.nextInt(1_000_000_000)));
    }

    /** A window that starts or ends near the local time the clock jumps from, or holds the jump. */
    private static WorkingHours hoursAround(LocalTime jump, Random random) {
        int jumpMinute = jump.toSecondOfDay() / 60;
        int start = Math.max(0, Math.min(jumpMinute + 15 * (random.nextInt(9) - 6), 24 * 60 - 30));
        int end = Math.min(start + 15 * (1 + random.nextInt(12)), 24 * 60 - 15);
        return new WorkingHours(LocalTime.ofSecondOfDay(start * 60L), LocalTime.ofSecondOfDay(end * 60L));
    }

    /** A working time to add or subtract: up to a little more than the span holds, never nothing. */
    Duration randomAmount(Random random) {
        Duration held = calendar.workingTimeBetween(from, to);
        Duration amount = random.nextInt(4) == 0 ? held
                : Duration.ofNanos((long) (held.toNanos() * 1.2 * random.nextDouble()));
        return amount.isZero() ? Duration.ofMinutes(1 + random.nextInt(24 * 60)) : amount;
    }

    @Override
    public String toString() {
        return calendar.zone() + " " + calendar.workingDays() + " "
                + calendar.workingHours().map(Object::toString).orElse("all day")
                + " holidays " + calendar.holidays() + ", [" + from + ", " + to + ")";
    }
}
