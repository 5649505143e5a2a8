package app.tamroi.domain.forecast;

import static app.tamroi.domain.forecast.Refunds.AFTER_THEM;
import static app.tamroi.domain.forecast.Refunds.FIRST_DAY;
import static app.tamroi.domain.forecast.Refunds.evenly;
import static app.tamroi.domain.forecast.Refunds.learned;
import static app.tamroi.domain.forecast.Refunds.straight;
import static app.tamroi.domain.forecast.Refunds.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.service.ServiceDefinition;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A timeline drawn from what journeys really took, in figures a person writes. */
class PlanFromHistoryTest {

    private static final ServiceDefinition REFUND = Refunds.PIT_REFUND.definition();

    @Test
    void eachTargetIsWhat8In10VisitsMetRoundedUpAndThePromiseWhat8In10JourneysMet() {
        // verification takes 12 to 96 hours where the plan says 2 days; approval 20 to 40 hours
        History history = window(learned(straight(200, FIRST_DAY.minusDays(100), evenly(12, 96), 31)), AFTER_THEM);

        PlanFromHistory.Proposal proposal = PlanFromHistory.propose(REFUND, history, 30).orElseThrow();

        Map<String, String> proposed = proposal.steps().stream()
                .collect(Collectors.toMap(PlanFromHistory.StepEvidence::step, s -> s.proposed().toString()));
        // 8 in 10 verifications within about 79 hours: 4 working days of 24 hours
        assertEquals("4d", proposed.get("verification"));
        assertEquals("2d", proposed.get("approval"));
        // whole journeys take about 100 working hours: 8 in 10 within 5 days, where 6 are promised
        assertEquals("5d", proposal.promise().toString());
        assertTrue(proposal.proposedMet() >= 0.8, "met by " + proposal.proposedMet());
        assertTrue(proposal.currentlyMet() > proposal.proposedMet(), proposal.toString());
        assertEquals(proposal.promise(), proposal.proposed().promise().orElseThrow());
        assertEquals(180, proposal.sampleSize(), "one journey ended on each of the window's 180 days");
    }

    @Test
    void belowTheMinimumSampleThereIsNoPlanToDraw() {
        History history = window(learned(straight(29, FIRST_DAY.minusDays(100), evenly(12, 96), 32)), AFTER_THEM);

        assertTrue(PlanFromHistory.propose(REFUND, history, 30).isEmpty());
    }

    @Test
    void figuresAreRoundedUpToWholeDaysHoursOrMinutes() {
        double day = 8 * 60;
        assertEquals(new WorkingDuration(2, WorkingDuration.Unit.DAYS), PlanFromHistory.roundedUp(8 * 60 + 1, day));
        assertEquals(new WorkingDuration(1, WorkingDuration.Unit.DAYS), PlanFromHistory.roundedUp(8 * 60, day));
        assertEquals(new WorkingDuration(3, WorkingDuration.Unit.HOURS), PlanFromHistory.roundedUp(121, day));
        assertEquals(new WorkingDuration(45, WorkingDuration.Unit.MINUTES), PlanFromHistory.roundedUp(44.2, day));
        assertEquals(new WorkingDuration(1, WorkingDuration.Unit.MINUTES), PlanFromHistory.roundedUp(0, day));
    }
}
