package app.tamroi.usecase.importlog;

import static app.tamroi.usecase.importlog.Logs.oneCase;
import static app.tamroi.usecase.importlog.Logs.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.domain.journey.StepEventType;
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
}
