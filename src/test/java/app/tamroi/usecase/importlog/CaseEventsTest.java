package app.tamroi.usecase.importlog;

import static app.tamroi.usecase.importlog.Logs.oneCase;
import static app.tamroi.usecase.importlog.Logs.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseEventsTest {

    private static final StepCodes CODES = StepCodes.slugs(List.of("Register", "Check", "Approve", "Refuse", "Cancel"));

    /** Each event as "type step@time#index", the way a reviewer reads a journey. */
    private static List<String> story(List<CaseEvent> events) {
        return events.stream().map(e -> e.type().cloudEventType().replaceFirst("tamroi\\.", "")
                + e.step().map(s -> " " + s).orElse("") + "@" + e.at().toString().substring(11, 16) + "#" + e.index()).toList();
    }

    @Test
    void theTimeBeforeEachActivityIsSpentInItsStepAndTheLastActivityEndsTheCase() {
        LoggedCase c = oneCase(
                row("A1", "Register", "2024-03-01T09:00:00Z"),
                row("A1", "Check", "2024-03-01T10:00:00Z"),
                row("A1", "Approve", "2024-03-01T12:00:00Z"));

        List<CaseEvent> events = CaseEvents.of(c, "A1", CODES, Endings.ALL_COMPLETED);

        assertEquals(List.of(
                "application.submitted@09:00#0",
                "step.started check@09:00#1",
                "step.started approve@10:00#2",
                "application.completed@12:00#3"), story(events));
    }

    @Test
    void reworkSendsTheApplicationBackToAStepItHasLeft() {
        LoggedCase c = oneCase(
                row("A2", "Register", "2024-03-01T09:00:00Z"),
                row("A2", "Check", "2024-03-01T10:00:00Z"),
                row("A2", "Approve", "2024-03-01T11:00:00Z"),
                row("A2", "Check", "2024-03-01T12:00:00Z"),
                row("A2", "Approve", "2024-03-01T13:00:00Z"));

        assertEquals(List.of("check", "approve", "check", "approve"), CaseEvents.of(c, "A2", CODES, Endings.ALL_COMPLETED)
                .stream().filter(e -> e.type() == StepEventType.STEP_STARTED).map(e -> e.step().orElseThrow()).toList());
    }

    @Test
    void eventsListedOutOfOrderAreTakenInTheOrderTheyHappened() {
        LoggedCase c = oneCase(
                row("A3", "Approve", "2024-03-01T12:00:00Z"),
                row("A3", "Register", "2024-03-01T09:00:00Z"),
                row("A3", "Check", "2024-03-01T10:00:00Z"));

        assertEquals(List.of("application.submitted@09:00#0", "step.started check@09:00#1", "step.started approve@10:00#2",
                "application.completed@12:00#3"), story(CaseEvents.of(c, "A3", CODES, Endings.ALL_COMPLETED)));
    }

    @Test
    void aCaseThatSkipsAStepSimplyMovesPastIt() {
        LoggedCase c = oneCase(
                row("A4", "Register", "2024-03-01T09:00:00Z"),
                row("A4", "Approve", "2024-03-01T09:30:00Z"));

        assertEquals(List.of("application.submitted@09:00#0", "step.started approve@09:00#1", "application.completed@09:30#2"),
                story(CaseEvents.of(c, "A4", CODES, Endings.ALL_COMPLETED)));
    }

    @Test
    void theLastActivityEndsTheCaseAsTheAgencyNamesIt() {
        Endings endings = new Endings(Set.of("Refuse"), Set.of("Cancel"));
        LoggedCase refused = oneCase(row("R", "Register", "2024-03-01T09:00:00Z"), row("R", "Refuse", "2024-03-02T09:00:00Z"));
        LoggedCase cancelled = oneCase(row("W", "Register", "2024-03-01T09:00:00Z"), row("W", "Cancel", "2024-03-02T09:00:00Z"));
        LoggedCase refusedThenApproved = oneCase(row("X", "Register", "2024-03-01T09:00:00Z"),
                row("X", "Refuse", "2024-03-02T09:00:00Z"), row("X", "Approve", "2024-03-03T09:00:00Z"));

        assertEquals(StepEventType.REJECTED, last(CaseEvents.of(refused, "R", CODES, endings)));
        assertEquals(StepEventType.WITHDRAWN, last(CaseEvents.of(cancelled, "W", CODES, endings)));
        assertEquals(StepEventType.COMPLETED, last(CaseEvents.of(refusedThenApproved, "X", CODES, endings)),
                "only the activity that ends a case decides how it ends");
    }

    @Test
    void aCaseOfOneEventIsSubmittedAndEndedAtTheSameInstant() {
        LoggedCase c = oneCase(row("S", "Register", "2024-03-01T09:00:00Z"));

        assertEquals(List.of("application.submitted@09:00#0", "application.completed@09:00#1"),
                story(CaseEvents.of(c, "S", CODES, Endings.ALL_COMPLETED)));
    }

    @Test
    void anEventsIdIsItsSubjectAndPlaceSoTheSameLogGivesTheSameIds() {
        LoggedCase c = oneCase(row("Case 7", "Register", "2024-03-01T09:00:00Z"), row("Case 7", "Check", "2024-03-01T10:00:00Z"));

        List<CaseEvent> first = CaseEvents.of(c, "hd-Case 7", CODES, Endings.ALL_COMPLETED);
        List<CaseEvent> again = CaseEvents.of(c, "hd-Case 7", CODES, Endings.ALL_COMPLETED);

        assertEquals(List.of("hd-Case 7#0", "hd-Case 7#1", "hd-Case 7#2"), first.stream().map(CaseEvent::id).toList());
        assertEquals(first, again);
        assertEquals(CaseEvent.SOURCE, first.get(1).incoming("svc").source());
        assertEquals("2024-03-01T09:00:00Z", first.get(1).incoming("svc").time());
    }

    @Test
    void anActivityTheMappingLeavesOutIsRefusedAtItsLine() {
        StepCodes mapping = StepCodes.mapped(java.util.Map.of("Register", "intake", "Check", "review"));
        LoggedCase c = oneCase(row("M", "Register", "2024-03-01T09:00:00Z"), row("M", "Check", "2024-03-01T10:00:00Z"),
                row("M", "Archive", "2024-03-01T11:00:00Z"));

        InvalidEventLogException e = assertThrows(InvalidEventLogException.class,
                () -> CaseEvents.of(c, "M", mapping, Endings.ALL_COMPLETED));
        assertEquals("line 4: activity 'Archive' has no step in the mapping file", e.getMessage());
    }

    private static StepEventType last(List<CaseEvent> events) {
        return events.get(events.size() - 1).type();
    }

    @Test
    void aMoveToTheNextStepOfTheTimelineIsToldAsTheCurrentStepsCompletionSoItShowsDone() {
        ServiceDefinition timeline = new ServiceDefinition("permits", "city", new LocalizedText("Permits", "Permits"),
                Optional.empty(), Optional.empty(), ALWAYS, null, null, List.of(step("check"), step("approve"), step("archive")));
        LoggedCase c = oneCase(
                row("T", "Register", "2024-03-01T09:00:00Z"),
                row("T", "Check", "2024-03-01T10:00:00Z"),
                row("T", "Approve", "2024-03-01T11:00:00Z"),
                row("T", "Check", "2024-03-01T12:00:00Z"),
                row("T", "Check", "2024-03-01T12:30:00Z"),
                row("T", "Archive", "2024-03-01T13:00:00Z"));

        List<CaseEvent> told = CaseEvents.withCompletions(CaseEvents.of(c, "T", StepCodes.slugs(List.of("Register", "Check",
                "Approve", "Archive")), Endings.ALL_COMPLETED), timeline);

        assertEquals(List.of(
                "application.submitted@09:00#0",
                "step.started check@09:00#1",
                "step.completed check@10:00#2",
                "step.started check@11:00#3",
                "step.started check@12:00#4",
                "step.started archive@12:30#5",
                "application.completed@13:00#6"), story(told), "rework and skips stay explicit moves");
        assertEquals(List.of("check 60m", "approve 60m", "check 90m", "archive 30m"), walk(told, timeline),
                "a step started again while in it goes on with the same stay");
    }

    private static final WorkingCalendar ALWAYS = new WorkingCalendar(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class),
            Optional.empty(), Set.of());

    private static Step step(String code) {
        return new Step(code, new LocalizedText(code, code), WorkingDuration.parse("1h"), StepOwner.AGENCY);
    }

    /** How the journey rule walks the events: its stays in steps. */
    private static List<String> walk(List<CaseEvent> events, ServiceDefinition timeline) {
        List<StepEvent> steps = events.stream().map(e -> new StepEvent(e.type(), e.step(), e.at(), e.index(), Optional.empty()))
                .toList();
        return JourneyStatus.visits(new ServiceVersion(timeline, 1, Instant.EPOCH), steps, Instant.parse("2024-03-02T00:00:00Z"))
                .stream().map(v -> v.step() + " " + v.worked().toMinutes() + "m").toList();
    }
}
