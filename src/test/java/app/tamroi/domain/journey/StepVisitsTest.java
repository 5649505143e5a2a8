package app.tamroi.domain.journey;

import static app.tamroi.support.EventLog.arrivedInOrder;
import static app.tamroi.support.EventLog.bangkok;
import static app.tamroi.support.EventLog.completed;
import static app.tamroi.support.EventLog.stepCompleted;
import static app.tamroi.support.EventLog.stepStarted;
import static app.tamroi.support.EventLog.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.StatusFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stays in steps that forecasts learn from: rework visits a step again, a skipped step is never visited. */
class StepVisitsTest {

    static final ServiceVersion REFUND = StatusFixtures.version("pit-refund");

    @Test
    void reworkVisitsAStepAgainAndTheVisitsAddUpToTheElapsedWorkingTime() {
        List<StepEvent> events = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("received", "2026-11-16T15:00"),
                stepStarted("received", "2026-11-17T10:00"),
                stepCompleted("received", "2026-11-17T12:00"),
                stepCompleted("verification", "2026-11-18T09:00"),
                completed("2026-11-19T09:00"));
        List<StepVisit> visits = JourneyStatus.visits(REFUND, events, bangkok("2026-11-20T09:00"));
        assertEquals(List.of("received", "verification", "received", "verification", "approval"),
                visits.stream().map(StepVisit::step).toList());
        JourneyStatus status = JourneyStatus.of(REFUND, events, bangkok("2026-11-20T09:00"));
        assertEquals(status.clock().elapsed(),
                visits.stream().map(StepVisit::worked).reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void aSkippedStepIsNeverVisitedAndAnOpenStayCountsSoFar() {
        List<StepEvent> events = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepStarted("approval", "2026-11-16T12:00"));
        List<StepVisit> visits = JourneyStatus.visits(REFUND, events, bangkok("2026-11-16T15:00"));
        assertEquals(List.of("received", "approval"), visits.stream().map(StepVisit::step).toList());
        JourneyStatus status = JourneyStatus.of(REFUND, events, bangkok("2026-11-16T15:00"));
        assertEquals(status.currentStep().orElseThrow().timeInStep(), visits.get(1).worked());
    }

    @Test
    void anApplicationNotYetSubmittedHasNoVisits() {
        assertEquals(List.of(), JourneyStatus.visits(REFUND, List.of(), bangkok("2026-11-16T15:00")));
    }
}
