package app.tamroi.domain.calendar;

import static app.tamroi.support.EventLog.BANGKOK;
import static app.tamroi.support.EventLog.bangkok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** Monday 7 December 2026 (a substitution day) and Thursday 10 December 2026 (Constitution Day). */
    private static final Set<LocalDate> DECEMBER_HOLIDAYS = Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 10));

    private static final WorkingCalendar WHOLE_DAYS =
            new WorkingCalendar(BANGKOK, MON_TO_FRI, Optional.empty(), DECEMBER_HOLIDAYS);
    private static final WorkingCalendar OFFICE_HOURS = new WorkingCalendar(BANGKOK, MON_TO_FRI,
            Optional.of(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 30))), DECEMBER_HOLIDAYS);
    private static final WorkingCalendar EVERY_DAY_IN_NEW_YORK =
            new WorkingCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), Optional.empty(), Set.of());

    // ---- What counts ----
    @Test
    void theWeekendDoesNotCount() {
        // Friday 15:00 → Saturday 00:00 is 9 h, then Monday 00:00 → 09:00 is 9 h
        assertEquals(Duration.ofHours(18),
                WHOLE_DAYS.workingTimeBetween(bangkok("2026-11-20T15:00"), bangkok("2026-11-23T09:00")));
    }

    @Test
    void aHolidayOnAWeekdayDoesNotCount() {
        // Friday 10:00 → midnight is 14 h, Monday 7 December is a holiday, Tuesday 00:00 → 10:00 is 10 h
        assertEquals(Duration.ofHours(24),
                WHOLE_DAYS.workingTimeBetween(bangkok("2026-12-04T10:00"), bangkok("2026-12-08T10:00")));
        // Wednesday 12:00 + one working day skips Thursday's holiday and lands on Friday 12:00
        assertEquals(bangkok("2026-12-11T12:00"), WHOLE_DAYS.addWorkingTime(bangkok("2026-12-09T12:00"), Duration.ofDays(1)));
    }

    @Test
    void aWholeHolidayCountsNothing() {
        assertEquals(Duration.ZERO,
                WHOLE_DAYS.workingTimeBetween(bangkok("2026-12-10T00:00"), bangkok("2026-12-11T00:00")));
        assertFalse(WHOLE_DAYS.isWorkingDate(LocalDate.of(2026, 12, 10)));
        assertTrue(WHOLE_DAYS.isWorkingDate(LocalDate.of(2026, 12, 11)));
    }

    @Test
    void onlyTheWorkingHoursWindowCounts() {
        // Monday 16:00 → 16:30 is 30 min, Tuesday 08:30 → 10:30 is 120 min
        assertEquals(Duration.ofMinutes(150),
                OFFICE_HOURS.workingTimeBetween(bangkok("2026-11-16T16:00"), bangkok("2026-11-17T10:30")));
        // from before opening to after closing: the 8 h window only
        assertEquals(Duration.ofHours(8),
                OFFICE_HOURS.workingTimeBetween(bangkok("2026-11-16T06:00"), bangkok("2026-11-16T20:00")));
        // the evening and the night count nothing
        assertEquals(Duration.ZERO,
                OFFICE_HOURS.workingTimeBetween(bangkok("2026-11-16T16:30"), bangkok("2026-11-17T08:30")));
    }

    @Test
    void workingTimeStartingOutsideTheWindowBeginsAtTheNextOpening() {
        // Saturday evening + 1 h: Monday opens at 08:30
        assertEquals(bangkok("2026-11-23T09:30"),
                OFFICE_HOURS.addWorkingTime(bangkok("2026-11-21T19:00"), Duration.ofHours(1)));
    }

    @Test
    void nothingCountsWhenTheEndIsNotAfterTheStart() {
        Instant monday = bangkok("2026-11-16T10:00");
        assertEquals(Duration.ZERO, WHOLE_DAYS.workingTimeBetween(monday, monday));
        assertEquals(Duration.ZERO, WHOLE_DAYS.workingTimeBetween(monday, monday.minusSeconds(3600)));
    }

    // ---- Where an amount runs out ----
    @Test
    void anAmountThatRunsOutAtTheEndOfAWindowGivesThatEndNotTheNextOpening() {
        // one working day of office hours from Monday's opening is exactly Monday's closing
        assertEquals(bangkok("2026-11-16T16:30"),
                OFFICE_HOURS.addWorkingTime(bangkok("2026-11-16T08:30"), OFFICE_HOURS.lengthOf(WorkingDuration.parse("1d"))));
        // two whole days from Thursday 00:00 end at Friday midnight, not at Monday 00:00
        assertEquals(bangkok("2026-11-21T00:00"),
                WHOLE_DAYS.addWorkingTime(bangkok("2026-11-19T00:00"), Duration.ofDays(2)));
    }

    @Test
    void oneMoreMinuteThanTheWindowHoldsGoesOnAtTheNextOpening() {
        assertEquals(bangkok("2026-11-17T08:31"),
                OFFICE_HOURS.addWorkingTime(bangkok("2026-11-16T08:30"), Duration.ofHours(8).plusMinutes(1)));
    }

    @Test
    void addingZeroGivesTheStartEvenOutsideWorkingTime() {
        Instant saturdayNight = bangkok("2026-11-21T22:15");
        assertEquals(saturdayNight, OFFICE_HOURS.addWorkingTime(saturdayNight, Duration.ZERO));
        assertEquals(saturdayNight, WHOLE_DAYS.addWorkingTime(saturdayNight, Duration.ZERO));
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WHOLE_DAYS.addWorkingTime(bangkok("2026-11-16T10:00"), Duration.ofMinutes(-1)));
    }

    // ---- Daylight saving: days of 23 and 25 real hours ----
    @Test
    void theDayDaylightSavingStartsHas23RealHours() {
        // 8 March 2026: New York clocks jump from 02:00 to 03:00
        assertEquals(Duration.ofHours(23),
                EVERY_DAY_IN_NEW_YORK.workingTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")));
        // one working day (24 h) from that midnight runs an hour into the next day
        assertEquals(newYork("2026-03-09T01:00"),
                EVERY_DAY_IN_NEW_YORK.addWorkingTime(newYork("2026-03-08T00:00"), Duration.ofDays(1)));
    }

    @Test
    void theDayDaylightSavingEndsHas25RealHours() {
        // 1 November 2026: New York clocks fall back from 02:00 to 01:00
        assertEquals(Duration.ofHours(25),
                EVERY_DAY_IN_NEW_YORK.workingTimeBetween(newYork("2026-11-01T00:00"), newYork("2026-11-02T00:00")));
        // one working day (24 h) from that midnight ends an hour before the next midnight
        assertEquals(newYork("2026-11-01T23:00"),
                EVERY_DAY_IN_NEW_YORK.addWorkingTime(newYork("2026-11-01T00:00"), Duration.ofDays(1)));
    }

    @Test
    void workingHoursInsideTheSkippedHourCountNothingThatDay() {
        WorkingCalendar nightShift = new WorkingCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class),
                Optional.of(new WorkingHours(LocalTime.of(2, 30), LocalTime.of(3, 0))), Set.of());
        assertEquals(Duration.ZERO,
                nightShift.workingTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")));
        // an hour of work from Saturday noon: nothing on Sunday, 30 min on Monday, 30 min on Tuesday
        assertEquals(newYork("2026-03-10T03:00"),
                nightShift.addWorkingTime(newYork("2026-03-07T12:00"), Duration.ofHours(1)));
    }

    @Test
    void workingHoursThatEndInsideTheSkippedHourEndWhenTheClockJumps() {
        WorkingCalendar earlyShift = new WorkingCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class),
                Optional.of(new WorkingHours(LocalTime.of(1, 0), LocalTime.of(2, 30))), Set.of());
        // 01:00 → 02:00 is worked; at 02:00 the clock reads 03:00, already past closing
        assertEquals(Duration.ofHours(1),
                earlyShift.workingTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")));
    }

    @Test
    void workingHoursThatStartInsideTheSkippedHourStartWhenTheClockJumps() {
        WorkingCalendar earlyShift = new WorkingCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class),
                Optional.of(new WorkingHours(LocalTime.of(2, 30), LocalTime.of(4, 0))), Set.of());
        // the clock jumps to 03:00, inside the window, and runs to 04:00
        assertEquals(Duration.ofHours(1),
                earlyShift.workingTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")));
    }

    // ---- How long a written duration is ----
    @Test
    void aWorkingDayIsAWholeDayWithoutWorkingHours() {
        assertEquals(Duration.ofHours(144), WHOLE_DAYS.lengthOf(WorkingDuration.parse("6d")));
    }

    @Test
    void aWorkingDayIsTheWindowWithWorkingHours() {
        assertEquals(Duration.ofHours(48), OFFICE_HOURS.lengthOf(WorkingDuration.parse("6d")));
    }

    @Test
    void hoursAndMinutesMeanTheSameInEveryCalendar() {
        for (WorkingCalendar calendar : List.of(WHOLE_DAYS, OFFICE_HOURS)) {
            assertEquals(Duration.ofHours(4), calendar.lengthOf(WorkingDuration.parse("4h")));
            assertEquals(Duration.ofMinutes(30), calendar.lengthOf(WorkingDuration.parse("30m")));
        }
    }

    // ---- Writing a duration ----
    @Test
    void acceptsDaysHoursAndMinutes() {
        assertEquals(new WorkingDuration(6, WorkingDuration.Unit.DAYS), WorkingDuration.parse("6d"));
        assertEquals(new WorkingDuration(4, WorkingDuration.Unit.HOURS), WorkingDuration.parse("4h"));
        assertEquals(new WorkingDuration(30, WorkingDuration.Unit.MINUTES), WorkingDuration.parse("30m"));
    }

    @Test
    void readsBackAsWritten() {
        for (String written : List.of("6d", "4h", "30m")) {
            assertEquals(written, WorkingDuration.parse(written).toString());
        }
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"0d", "-1d", "6x", "", "d", "1.5d"})
    void refusesWhatIsNotAPositiveWholeAmountOfDaysHoursOrMinutes(String written) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> WorkingDuration.parse(written));
        // the agency sees what it wrote and how to write it instead
        assertTrue(refused.getMessage().contains("'" + written + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("like 6d, 4h or 30m"), refused.getMessage());
    }

    @Test
    void aMissingDurationSaysHowToWriteOne() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> WorkingDuration.parse(null));
        assertTrue(refused.getMessage().contains("like 6d, 4h or 30m"), refused.getMessage());
    }

    // ---- Adding and measuring agree, whatever the calendar ----
    // Random zones (daylight saving, half-hour shifts, clocks that jump at midnight), working days,
    // holidays and working hours; half the time starting just before a clock change, often with a
    // window around the jump, because that is where the two directions have disagreed.
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void measuringWhatWasAddedGivesItBack(long seed) {
        Random random = new Random(seed);
        Scenario s = Scenario.random(random);
        Duration amount = switch (random.nextInt(4)) {
            case 0 -> Duration.ZERO;
            case 1 -> s.calendar().workingDay().multipliedBy(1 + random.nextInt(10));
            default -> Duration.ofMinutes(1 + random.nextInt(60 * 24 * 10)).plusNanos(random.nextInt(1_000_000_000));
        };
        Instant until = s.calendar().addWorkingTime(s.from(), amount);
        assertEquals(amount, s.calendar().workingTimeBetween(s.from(), until),
                () -> "seed " + seed + ": " + s + " + " + amount + " = " + until);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingTheWorkingTimeBetweenTwoInstantsNeverOvershoots(long seed) {
        Random random = new Random(seed);
        Scenario s = Scenario.random(random);
        Instant to = s.from().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)).plusMillis(random.nextInt(60_000)));
        Instant reached = s.calendar().addWorkingTime(s.from(), s.calendar().workingTimeBetween(s.from(), to));
        String context = "seed " + seed + ": " + s + " to " + to + " reached " + reached;
        assertFalse(reached.isAfter(to), context);
        assertEquals(Duration.ZERO, s.calendar().workingTimeBetween(reached, to), context);
    }

    record Scenario(WorkingCalendar calendar, Instant from) {

        private static final List<ZoneId> ZONES = List.of(BANGKOK, NEW_YORK, ZoneId.of("Europe/London"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"), ZoneId.of("Asia/Kathmandu"),
                ZoneId.of("America/Havana"));

        static Scenario random(Random random) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant anywhere = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ZoneOffset.UTC)
                    .plusSeconds(random.nextInt(365 * 24 * 3600)).plusNanos(random.nextInt(1_000_000_000));
            ZoneOffsetTransition change = zone.getRules().nextTransition(anywhere);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            while (days.isEmpty()) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (random.nextInt(3) > 0) {
                        days.add(d);
                    }
                }
            }
            Set<LocalDate> holidays = new TreeSet<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)));
            }
            if (change == null || random.nextBoolean()) {
                return new Scenario(new WorkingCalendar(zone, days, randomHours(random), holidays), anywhere);
            }
            // a few days before a clock change, which falls on a working day, often with
            // working hours that begin or end near the local time the clock jumps from
            LocalDate changeDay = change.getDateTimeBefore().toLocalDate();
            days.add(changeDay.getDayOfWeek());
            holidays.remove(changeDay);
            Optional<WorkingHours> hours = random.nextBoolean()
                    ? hoursAround(change.getDateTimeBefore().toLocalTime(), random) : randomHours(random);
            Instant from = change.getInstant().minusSeconds(random.nextInt(3 * 24 * 3600))
                    .plusNanos(random.nextInt(1_000_000_000));
            return new Scenario(new WorkingCalendar(zone, days, hours, holidays), from);
        }

        private static Optional<WorkingHours> randomHours(Random random) {
            if (random.nextBoolean()) {
                return Optional.empty();
            }
            int start = random.nextInt(95) * 15;
            return Optional.of(window(start, start + 15 * (1 + random.nextInt((24 * 60 - 15 - start) / 15))));
        }

        private static Optional<WorkingHours> hoursAround(LocalTime jump, Random random) {
            int start = Math.max(0, Math.min(jump.toSecondOfDay() / 60 + 15 * (random.nextInt(9) - 4), 24 * 60 - 30));
            return Optional.of(window(start, Math.min(start + 15 * (1 + random.nextInt(8)), 24 * 60 - 15)));
        }

        private static WorkingHours window(int startMinute, int endMinute) {
            return new WorkingHours(LocalTime.ofSecondOfDay(startMinute * 60L), LocalTime.ofSecondOfDay(endMinute * 60L));
        }

        @Override
        public String toString() {
            return calendar.zone() + " " + calendar.workingDays() + " "
                    + calendar.workingHours().map(Object::toString).orElse("all day")
                    + " holidays " + calendar.holidays() + ", from " + from;
        }
    }

    /** Only for local times the clock actually shows once (no gap or overlap). */
    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
