package app.tamroi.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dating something "two working days ago" lands where counting forward two working days returns to now. */
class SubtractWorkingTimeTest {

    static final WorkingCalendar OFFICE = new WorkingCalendar(ZoneId.of("Asia/Bangkok"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            Optional.of(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 30))),
            Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 10)));
    static final WorkingCalendar WHOLE_DAYS = new WorkingCalendar(ZoneId.of("America/New_York"),
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Optional.empty(), Set.of(LocalDate.of(2026, 3, 8)));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void subtractingThenCountingGivesTheSameWorkingTime(long seed) {
        Random random = new Random(seed);
        for (WorkingCalendar calendar : new WorkingCalendar[] {OFFICE, WHOLE_DAYS}) {
            for (int i = 0; i < 200; i++) {
                Instant to = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 86_400));
                Duration amount = Duration.ofMinutes(1 + random.nextInt(20_000));
                Instant from = calendar.subtractWorkingTime(to, amount);
                assertEquals(amount, calendar.workingTimeBetween(from, to), "seed " + seed + " to " + to + " amount " + amount);
            }
        }
    }
}
