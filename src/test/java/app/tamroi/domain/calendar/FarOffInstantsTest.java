package app.tamroi.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An "as of" in the year 1,000,000 or a promise of 999,999 working days gets an answer (or a clear
 * refusal) instead of a calendar walked day by day for hours.
 */
class FarOffInstantsTest {

    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final WorkingCalendar ROUND_THE_CLOCK_IN_UTC =
            new WorkingCalendar(ZoneOffset.UTC, MON_TO_FRI, Optional.empty(), Set.of());
    /** Thai office hours with two holidays, on Monday 7 and Thursday 10 December 2026. */
    private static final WorkingCalendar OFFICE = new WorkingCalendar(ZoneId.of("Asia/Bangkok"), MON_TO_FRI,
            Optional.of(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 30))),
            Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 10)));

    @Test
    void wholeWeeksUpToTheYear999999CountFiveWorkingDaysEach() {
        LocalDate monday = LocalDate.of(1, 1, 1); // a Monday
        LocalDate lastMonday = LocalDate.of(999_999, 12, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = ChronoUnit.WEEKS.between(monday, lastMonday);
        assertEquals(Duration.ofDays(5).multipliedBy(weeks), ROUND_THE_CLOCK_IN_UTC.workingTimeBetween(
                monday.atStartOfDay().toInstant(ZoneOffset.UTC), lastMonday.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    @Test
    void anAsOfInTheYearOneMillionCountsEightHoursAWorkingDayLessTheHolidays() {
        Instant mondayMorning = Instant.parse("2026-11-30T00:00:00Z"); // 07:00 in Bangkok, before opening
        Instant asOf = Instant.parse("+1000000-01-01T00:00:00Z");
        long weeks = ChronoUnit.WEEKS.between(LocalDate.of(2026, 11, 30), LocalDate.of(1_000_000, 1, 1));
        Instant lastMonday = mondayMorning.plus(Duration.ofDays(7 * weeks));
        // the two December holidays take out two days of office hours
        assertEquals(Duration.ofHours(40 * weeks - 16), OFFICE.workingTimeBetween(mondayMorning, lastMonday));
        Duration toAsOf = OFFICE.workingTimeBetween(mondayMorning, asOf);
        assertEquals(toAsOf, OFFICE.workingTimeBetween(mondayMorning, lastMonday).plus(OFFICE.workingTimeBetween(lastMonday, asOf)));
    }

    @Test
    void aPromiseOf999999WorkingDaysEndsSomeFourThousandYearsAhead() {
        Instant now = Instant.parse("2026-12-01T03:00:00Z");
        Duration promise = OFFICE.lengthOf(WorkingDuration.parse("999999d"));
        Instant due = OFFICE.addWorkingTime(now, promise);
        assertEquals(promise, OFFICE.workingTimeBetween(now, due));
        assertEquals(5_859, due.atZone(OFFICE.zone()).getYear());
        Instant started = OFFICE.subtractWorkingTime(now, promise);
        assertEquals(promise, OFFICE.workingTimeBetween(started, now));
    }

    @Test
    void workingTimeThatWouldEndPastTheLastDateJavaTimeNamesIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OFFICE.addWorkingTime(Instant.parse("2026-12-01T03:00:00Z"), Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(refused.getMessage().contains("last date java.time can represent"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OFFICE.addWorkingTime(Instant.MAX, Duration.ofMinutes(1)));
    }

    @Test
    void workingTimeThatWouldStartBeforeTheFirstDateJavaTimeNamesIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OFFICE.subtractWorkingTime(Instant.MIN, Duration.ofMinutes(1)));
        assertTrue(refused.getMessage().contains("first date java.time can represent"), refused.getMessage());
    }

    static Stream<ZoneId> everyZone() {
        return Stream.concat(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of),
                Stream.of(ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.UTC));
    }

    /** Instants a year or two inside java.time's limits still fall on dates it can name. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyZone")
    void everyInstantJavaTimeCanHoldGetsAnAnswerInEveryZone(ZoneId zone) {
        for (Optional<WorkingHours> hours : Set.of(Optional.<WorkingHours>empty(),
                Optional.of(new WorkingHours(LocalTime.of(1, 0), LocalTime.of(3, 0))))) {
            WorkingCalendar calendar = new WorkingCalendar(zone, MON_TO_FRI, hours, Set.of(LocalDate.of(2026, 12, 7)));
            Instant middle = Instant.parse("2026-12-07T12:00:00Z");
            Duration all = calendar.workingTimeBetween(Instant.MIN, Instant.MAX);
            assertEquals(all, calendar.workingTimeBetween(Instant.MIN, middle).plus(calendar.workingTimeBetween(middle, Instant.MAX)));

            Instant nearTheStart = Instant.MIN.plus(Duration.ofDays(800));
            Instant nearTheEnd = Instant.MAX.minus(Duration.ofDays(800));
            Instant afterAWeek = calendar.addWorkingTime(nearTheStart, calendar.workingDay().multipliedBy(5));
            assertEquals(calendar.workingDay().multipliedBy(5), calendar.workingTimeBetween(nearTheStart, afterAWeek));
            Instant aWeekBefore = calendar.subtractWorkingTime(nearTheEnd, calendar.workingDay().multipliedBy(5));
            assertEquals(calendar.workingDay().multipliedBy(5), calendar.workingTimeBetween(aWeekBefore, nearTheEnd));
            assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingTime(nearTheEnd, Duration.ofDays(1000)));
            assertThrows(IllegalArgumentException.class, () -> calendar.subtractWorkingTime(nearTheStart, Duration.ofDays(1000)));
        }
    }
}
