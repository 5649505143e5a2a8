package app.tamroi.usecase.importlog;

import static app.tamroi.usecase.importlog.Logs.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.calendar.WorkingHours;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineFromLogTest {

    private static final WorkingCalendar ALWAYS = new WorkingCalendar(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class),
            Optional.empty(), Set.of());

    private static TimelineFromLog.Proposal propose(List<LoggedEvent> log) {
        List<LoggedCase> cases = LoggedCase.of(log);
        StepCodes codes = StepCodes.slugs(log.stream().map(LoggedEvent::activity).toList());
        List<ImportedCase> imported = new ArrayList<>();
        for (LoggedCase c : cases) {
            imported.add(new ImportedCase(c, CaseEvents.of(c, c.id(), codes, Endings.ALL_COMPLETED)));
        }
        return TimelineFromLog.propose("permits", "city", new LocalizedText("Permits", "Permits"), ALWAYS, imported, 1000);
    }

    @Test
    void stepsComeInTheOrderCasesUsuallyReachThemWithTheMedianStayAsTarget() {
        ServiceDefinition d = propose(Logs.of(
                row("1", "Register", "2024-03-01T00:00:00Z"), row("1", "Check", "2024-03-01T02:00:00Z"),
                row("1", "Decide", "2024-03-03T02:00:00Z"),
                row("2", "Register", "2024-03-02T00:00:00Z"), row("2", "Check", "2024-03-02T03:00:00Z"),
                row("2", "Decide", "2024-03-05T03:00:00Z"),
                row("3", "Register", "2024-03-03T00:00:00Z"), row("3", "Check", "2024-03-03T04:00:00Z"),
                row("3", "Decide", "2024-03-04T04:10:00Z"))).definition();

        assertEquals(List.of("check:3h", "decide:2d"), d.steps().stream().map(s -> s.code() + ":" + s.target()).toList());
        assertEquals("Check", d.steps().get(0).name().en());
        assertEquals(Optional.empty(), d.promise(), "the promise is left to the sum of the targets");
    }

    @Test
    void aStepIsPlacedByWhereCasesMostlyEnterItNotByARareDetour() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row("n" + i, "Open", "2024-03-0" + (i + 1) + "T00:00:00Z"));
            rows.add(row("n" + i, "Assess", "2024-03-0" + (i + 1) + "T01:00:00Z"));
            rows.add(row("n" + i, "Close", "2024-03-0" + (i + 1) + "T02:00:00Z"));
        }
        // one case assesses again after closing: Assess stays before Close
        rows.add(row("odd", "Open", "2024-03-09T00:00:00Z"));
        rows.add(row("odd", "Close", "2024-03-09T01:00:00Z"));
        rows.add(row("odd", "Assess", "2024-03-09T02:00:00Z"));
        ServiceDefinition d = propose(Logs.of(rows.toArray(String[][]::new))).definition();

        assertEquals(List.of("assess", "close"), d.steps().stream().map(Step::code).toList());
    }

    @Test
    void aCaseThatMovesPastTheFirstStepAtOnceDoesNotCountAsAStayInIt() {
        // "check" comes first; the two cases that go straight to "decide" must not pull its median to zero
        TimelineFromLog.Proposal p = propose(Logs.of(
                row("1", "Register", "2024-03-01T00:00:00Z"), row("1", "Check", "2024-03-01T05:00:00Z"),
                row("1", "Decide", "2024-03-01T06:00:00Z"),
                row("2", "Register", "2024-03-02T00:00:00Z"), row("2", "Decide", "2024-03-02T01:00:00Z"),
                row("3", "Register", "2024-03-03T00:00:00Z"), row("3", "Decide", "2024-03-03T01:00:00Z"),
                row("4", "Register", "2024-03-04T00:00:00Z")));

        TimelineFromLog.StepFinding check = p.findings().get(0);
        assertEquals("check", check.code());
        assertEquals(1, check.stays());
        assertEquals(Duration.ofHours(5), check.medianStay());
        assertEquals("5h", p.definition().steps().get(0).target().toString());
    }

    @Test
    void aLogWhoseCasesAllHaveOneEventShowsNoStep() {
        assertThrows(InvalidEventLogException.class, () -> propose(Logs.of(row("1", "Register", "2024-03-01T00:00:00Z"))));
    }

    @Test
    void aFirstGuessIsWrittenAsAnAgencyWouldWriteItInTheCalendarsWorkingDays() {
        WorkingCalendar office = new WorkingCalendar(ZoneId.of("Asia/Bangkok"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Optional.of(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 30))), Set.of());

        assertEquals("2d", TimelineFromLog.firstGuess(Duration.ofHours(17), office, 1000).toString());
        assertEquals("7h", TimelineFromLog.firstGuess(Duration.ofMinutes(400), office, 1000).toString());
        assertEquals("1m", TimelineFromLog.firstGuess(Duration.ZERO, office, 1000).toString());
        assertEquals("1h", TimelineFromLog.firstGuess(Duration.ofSeconds(59 * 60 + 50), office, 1000).toString());
        assertEquals("1d", TimelineFromLog.firstGuess(Duration.ofMinutes(7 * 60 + 40), office, 1000).toString(),
                "what rounds to a whole working day is written as one");
        assertEquals("1d", TimelineFromLog.firstGuess(Duration.ofHours(30), ALWAYS, 1000).toString());
        assertEquals(new WorkingDuration(1000, WorkingDuration.Unit.DAYS),
                TimelineFromLog.firstGuess(Duration.ofDays(5000), ALWAYS, 1000));
    }
}
