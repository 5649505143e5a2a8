package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tamroi.calibration.EventLogFile.Activity;
import app.tamroi.calibration.EventLogFile.Trace;
import app.tamroi.calibration.LoggedCase.Sent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.Step;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpdeskWorkloadTest {

    private static final Instant MONDAY = Instant.parse("2013-01-07T09:00:00Z");

    /** A ticket: assigned, taken in charge an hour later, resolved after {@code resolveHours} more, closed a day after that. */
    private static Trace ticket(int n, int resolveHours) {
        Instant start = MONDAY.plus(Duration.ofDays(n));
        return new Trace("Case " + n, List.of(
                new Activity("Assign seriousness", start),
                new Activity("Take in charge ticket", start.plus(Duration.ofHours(1))),
                new Activity("Resolve ticket", start.plus(Duration.ofHours(1 + resolveHours))),
                new Activity("Closed", start.plus(Duration.ofHours(25 + resolveHours)))));
    }

    @Test
    void aTicketMovesAtEachEventToTheStepOfTheNextActivity() {
        LoggedCase c = HelpdeskWorkload.logged(ticket(1, 5));

        assertEquals("helpdesk-case-1", c.subject());
        assertEquals(List.of(new Sent(StepEventType.SUBMITTED, null), new Sent(StepEventType.STEP_STARTED, "take-in-charge-ticket")),
                c.events().get(0).sent());
        assertEquals(List.of(new Sent(StepEventType.STEP_STARTED, "resolve-ticket")), c.events().get(1).sent());
        assertEquals(List.of(new Sent(StepEventType.STEP_STARTED, "closed")), c.events().get(2).sent());
        assertEquals(List.of(new Sent(StepEventType.COMPLETED, null)), c.events().get(3).sent());
        assertEquals("Resolve ticket", c.activity(3));
    }

    @Test
    void stepsComeInTheOrderTheirActivitiesUsuallyDo() {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            traces.add(ticket(i, 5));
        }
        // one ticket resolved before it was taken in charge does not change the usual order
        traces.add(new Trace("Case 99", List.of(new Activity("Assign seriousness", MONDAY),
                new Activity("Resolve ticket", MONDAY.plusSeconds(60)), new Activity("Take in charge ticket", MONDAY.plusSeconds(120)),
                new Activity("Closed", MONDAY.plusSeconds(180)))));

        Workload w = HelpdeskWorkload.of(traces);

        assertEquals(List.of("assign-seriousness", "take-in-charge-ticket", "resolve-ticket", "closed"),
                w.version().definition().steps().stream().map(Step::code).toList());
    }

    @Test
    void thePlanIsLearnedFromTheFirstFourFifthsOnly() {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            traces.add(ticket(i, 4 + i % 3));
        }
        // the last fifth: resolution takes a hundred times longer, which the plan must not know
        traces.add(ticket(8, 500));
        traces.add(ticket(9, 600));

        Workload w = HelpdeskWorkload.of(traces);

        JsonNode steps = w.timeline().path("steps");
        assertEquals("60m", steps.get(1).path("target").asText(), "take in charge: an hour");
        assertEquals("300m", steps.get(2).path("target").asText(), "resolve: the median of 4, 5 and 6 hours");
        assertEquals("1440m", steps.get(3).path("target").asText(), "closed a day later");
        // 8 training tickets of 29, 30 and 31 hours: the 80th percentile is the 7th of them
        assertEquals("1860m", w.timeline().path("promise").asText());
        assertEquals(2, w.test().size());
    }

    @Test
    void theCalendarIsEveryDayAllDaySoWorkingTimeIsElapsedTime() {
        Workload w = HelpdeskWorkload.of(List.of(ticket(0, 5), ticket(5, 5)));
        LoggedCase saturday = w.cases().get(1);

        JourneyStatus status = JourneyStatus.of(w.version(), saturday.stepEvents(), saturday.end());
        assertEquals(Duration.between(saturday.start(), saturday.end()), status.clock().elapsed());
    }
}
