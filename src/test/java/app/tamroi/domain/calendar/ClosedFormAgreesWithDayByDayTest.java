package app.tamroi.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counting whole weeks, holidays and clock changes gives, to the nanosecond, what walking the
 * calendar one day at a time gives, on generated calendars and spans. A failure names its seed;
 * {@code new Random(seed)} brings the same calendar back.
 */
class ClosedFormAgreesWithDayByDayTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 600);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void measuresTheSameWorkingTimeAsWalkingDayByDay(long seed) {
        GeneratedCalendar g = GeneratedCalendar.random(new Random(seed));
        DayByDayReference reference = new DayByDayReference(g.calendar());
        assertEquals(reference.workingTimeBetween(g.from(), g.to()), g.calendar().workingTimeBetween(g.from(), g.to()),
                () -> "seed " + seed + ": " + g);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addsAndSubtractsToTheSameInstantsAsWalkingDayByDay(long seed) {
        Random random = new Random(seed);
        GeneratedCalendar g = GeneratedCalendar.random(random);
        Duration amount = g.randomAmount(random);
        DayByDayReference reference = new DayByDayReference(g.calendar());
        assertEquals(reference.addWorkingTime(g.from(), amount), g.calendar().addWorkingTime(g.from(), amount),
                () -> "seed " + seed + ": " + g + " + " + amount);
        assertEquals(reference.subtractWorkingTime(g.to(), amount), g.calendar().subtractWorkingTime(g.to(), amount),
                () -> "seed " + seed + ": " + g + " − " + amount);
    }

    /**
     * A window that holds part of the hour the clock skips, or repeats, makes the yearly clock
     * changes leave a remainder every year, which the count multiplies over 400-year cycles;
     * a walk across centuries checks that multiple.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia"})
    void measuresCenturiesAsWalkingDayByDayWhenWindowsHoldPartOfAClockChange(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalTime jump = zone.getRules().getTransitionRules().stream().findFirst()
                .map(ZoneOffsetTransitionRule::getLocalTime).orElse(LocalTime.of(2, 0));
        LocalTime opening = jump.isBefore(LocalTime.of(0, 15)) ? jump : jump.minusMinutes(15);
        WorkingCalendar calendar = new WorkingCalendar(zone, EnumSet.allOf(DayOfWeek.class),
                Optional.of(new WorkingHours(opening, jump.plusMinutes(45))), Set.of(LocalDate.of(2300, 3, 10)));
        Instant from = Instant.parse("2020-06-01T00:00:00Z");
        Instant to = Instant.parse("2480-06-01T00:00:00Z");
        assertEquals(new DayByDayReference(calendar).workingTimeBetween(from, to), calendar.workingTimeBetween(from, to));
    }

    // ---- Adding, subtracting and measuring agree, far beyond what a walk could check ----

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void measuringWhatWasAddedOrSubtractedGivesItBack(long seed) {
        Random random = new Random(seed);
        GeneratedCalendar g = GeneratedCalendar.random(random);
        // up to some thousand years of working time
        Duration amount = g.calendar().workingDay().multipliedBy(1 + random.nextInt(1_000_000))
                .plusNanos(random.nextInt(1_000_000_000));
        Instant later = g.calendar().addWorkingTime(g.from(), amount);
        assertEquals(amount, g.calendar().workingTimeBetween(g.from(), later), () -> "seed " + seed + ": " + g + " + " + amount);
        Instant earlier = g.calendar().subtractWorkingTime(g.to(), amount);
        assertEquals(amount, g.calendar().workingTimeBetween(earlier, g.to()), () -> "seed " + seed + ": " + g + " − " + amount);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void workingTimeOfTwoAdjoiningSpansAddsUp(long seed) {
        Random random = new Random(seed);
        GeneratedCalendar g = GeneratedCalendar.random(random);
        // a far end, thousands of years on, that no walk could reach
        Instant farEnd = g.to().plus(Duration.ofDays(random.nextInt(3_000_000)));
        Duration whole = g.calendar().workingTimeBetween(g.from(), farEnd);
        assertEquals(whole, g.calendar().workingTimeBetween(g.from(), g.to()).plus(g.calendar().workingTimeBetween(g.to(), farEnd)),
                () -> "seed " + seed + ": " + g + " to " + farEnd);
    }
}
