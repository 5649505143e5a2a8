package app.tamroi.domain.journey;

import static app.tamroi.support.EventLog.BANGKOK;
import static app.tamroi.support.EventLog.arrivedInOrder;
import static app.tamroi.support.EventLog.bangkok;
import static app.tamroi.support.EventLog.completed;
import static app.tamroi.support.EventLog.paused;
import static app.tamroi.support.EventLog.resumed;
import static app.tamroi.support.EventLog.stepCompleted;
import static app.tamroi.support.EventLog.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tamroi.domain.journey.JourneyStatus.Outcome;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.StatusFixtures;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A personal income tax refund, followed from submission to payment as the citizen sees it.
 *
 * <p>The service (the shared pit-refund vector) promises 6 working days: received 1d,
 * verification 2d, approval 2d, transfer 1d. Its calendar counts whole days (24 h) Monday to
 * Friday in Bangkok; Monday 7 and Thursday 10 December 2026 are holidays. So P = 6 × 1440 = 8640
 * working minutes, and the refund runs ahead while its slack is at least 864 minutes.
 *
 * <p>What happens, all in Bangkok time:
 * <ul>
 *   <li>Mon 30 Nov 09:00 the citizen submits; 15:00 the agency has received it.
 *   <li>Verification, due within two working days, is still going on Friday 4 December.
 *   <li>Fri 4 Dec 12:00 the agency asks the citizen for a document; Tue 8 Dec 10:00 it arrives.
 *   <li>Tue 8 Dec 16:00 verification is done; Fri 11 Dec 12:00 approval is done.
 *   <li>Mon 14 Dec 10:00 the money is transferred; 10:30 the application is closed.
 * </ul>
 * The whole log is known up front; each chapter reads the status "as of" one instant, which is
 * exactly what the citizen would have seen then.
 */
class TaxRefundStoryTest {

    private static final ServiceVersion PIT_REFUND = StatusFixtures.version("pit-refund");

    private static final List<StepEvent> WHAT_HAPPENED = arrivedInOrder(
            submitted("2026-11-30T09:00"),
            stepCompleted("received", "2026-11-30T15:00"),
            paused("2026-12-04T12:00"),
            resumed("2026-12-08T10:00"),
            stepCompleted("verification", "2026-12-08T16:00"),
            stepCompleted("approval", "2026-12-11T12:00"),
            stepCompleted("transfer", "2026-12-14T10:00"),
            completed("2026-12-14T10:30"));

    /** What the tracking page shows at a glance. */
    record Seen(Status status, String currentStep, long elapsedMinutes, String expectedBy) {
    }

    @Test
    void onMondayAtNoonTheRefundIsOnTrackForWednesdayNextWeek() {
        JourneyStatus monday = asOf("2026-11-30T12:00");

        // E = 09:00 → 12:00 = 180; R = (1440 − 180) + 2880 + 2880 + 1440 = 8460; S = 8640 − 8640 = 0.
        // 8460 min from Mon 12:00: Mon 720, Tue–Fri 4 × 1440, Mon 7 holiday, Tue 8 1440, Wed 9 540 → 09:00
        assertEquals(new Seen(Status.ON_TRACK, "received", 180, "2026-12-09T09:00"), seen(monday));
        assertEquals(8460, monday.schedule().remainingMinutes());
        assertEquals(0, monday.schedule().slackMinutes());
        assertEquals(Optional.of(bangkok("2026-12-09T09:00")), monday.schedule().promisedBy());
    }

    @Test
    void onTuesdayMorningTheApplicationIsReceivedAndTheRefundRunsAhead() {
        JourneyStatus tuesday = asOf("2026-12-01T09:00");

        // received took 360 (09:00 → 15:00); verification τ = Mon 15:00 → Tue 09:00 = 540 + 540 = 1080.
        // E = 1440; R = (2880 − 1080) + 2880 + 1440 = 6120; S = 8640 − 7560 = 1080 ≥ 864: ahead.
        // 6120 min from Tue 09:00: Tue 900, Wed–Fri 3 × 1440, Mon 7 holiday, Tue 8 900 → 15:00
        assertEquals(new Seen(Status.AHEAD, "verification", 1440, "2026-12-08T15:00"), seen(tuesday));
        assertEquals(1080, tuesday.minutesInCurrentStep());
        assertEquals(1080, tuesday.schedule().slackMinutes());
        // the promise itself does not move: 6 working days from Monday 09:00
        assertEquals(Optional.of(bangkok("2026-12-09T09:00")), tuesday.schedule().promisedBy());
    }

    @Test
    void onFridayVerificationHasOverrunItsTargetAndTheRefundIsADayBehind() {
        JourneyStatus friday = asOf("2026-12-04T09:00");

        // τ = Mon 15:00 → Fri 09:00 = 540 + 3 × 1440 + 540 = 5400, far past verification's 2880.
        // E = 360 + 5400 = 5760; R = 0 + 2880 + 1440 = 4320; S = 8640 − 10080 = −1440: one day behind.
        // 4320 min from Fri 09:00: Fri 900, Mon 7 holiday, Tue 8 1440, Wed 9 1440, Thu 10 holiday, Fri 11 540
        assertEquals(new Seen(Status.BEHIND, "verification", 5760, "2026-12-11T09:00"), seen(friday));
        assertEquals(5400, friday.minutesInCurrentStep());
        assertEquals(4320, friday.schedule().remainingMinutes());
        assertEquals(-1440, friday.schedule().slackMinutes());
        // P − E = 2880 from Fri 09:00: Fri 900, Tue 8 1440, Wed 9 540 → still Wednesday 09:00
        assertEquals(Optional.of(bangkok("2026-12-09T09:00")), friday.schedule().promisedBy());
    }

    @Test
    void whileTheAgencyWaitsForTheCitizensDocumentTheClockStandsStill() {
        JourneyStatus whenAsked = asOf("2026-12-04T12:00");
        JourneyStatus tuesdayMorning = asOf("2026-12-08T09:00");

        // E stops at 360 + (540 + 3 × 1440 + 720) = 5940 the moment the agency asks
        for (JourneyStatus waiting : List.of(whenAsked, tuesdayMorning)) {
            assertEquals(new Seen(Status.WAITING_ON_CITIZEN, "verification", 5940, null), seen(waiting));
            assertEquals(5580, waiting.minutesInCurrentStep());
            // still behind underneath: S = 8640 − (5940 + 4320) = −1620
            assertEquals(Status.BEHIND, waiting.schedule().status());
            assertEquals(-1620, waiting.schedule().slackMinutes());
            assertEquals(Optional.empty(), waiting.schedule().promisedBy());
        }
    }

    @Test
    void whenTheCitizenAnswersTheClockRunsAgainFromWhereItStopped() {
        JourneyStatus afterAnswer = asOf("2026-12-08T12:00");

        // resumed Tue 10:00: E = 5940 + 120 = 6060; τ = 5580 + 120 = 5700; R = 4320; S = −1740.
        // 4320 min from Tue 12:00: Tue 720, Wed 9 1440, Thu 10 holiday, Fri 11 1440, Mon 14 720 → 12:00
        assertEquals(new Seen(Status.BEHIND, "verification", 6060, "2026-12-14T12:00"), seen(afterAnswer));
        assertEquals(5700, afterAnswer.minutesInCurrentStep());
        assertEquals(-1740, afterAnswer.schedule().slackMinutes());
        // the 22 working hours spent waiting (Fri 12 h, Tue 10 h) push the promise:
        // P − E = 2580 from Tue 12:00: Tue 720, Wed 9 1440, Thu 10 holiday, Fri 11 420 → 07:00
        assertEquals(Optional.of(bangkok("2026-12-11T07:00")), afterAnswer.schedule().promisedBy());
    }

    @Test
    void approvalStartsWithTheEarlierStepsDoneAndTheLaterOnePending() {
        JourneyStatus wednesday = asOf("2026-12-09T09:00");

        // approval τ = Tue 16:00 → Wed 09:00 = 480 + 540 = 1020; E = 6060 + 720 + 540 = 7320;
        // R = (2880 − 1020) + 1440 = 3300; S = 8640 − 10620 = −1980.
        // 3300 min from Wed 09:00: Wed 900, Thu 10 holiday, Fri 11 1440, Mon 14 960 → 16:00
        assertEquals(new Seen(Status.BEHIND, "approval", 7320, "2026-12-14T16:00"), seen(wednesday));
        assertEquals(1020, wednesday.minutesInCurrentStep());
        assertEquals(List.of(StepState.DONE, StepState.DONE, StepState.CURRENT, StepState.PENDING), states(wednesday));
        assertEquals(Optional.of(bangkok("2026-12-11T07:00")), wednesday.schedule().promisedBy());
    }

    @Test
    void duringTransferThePromiseIsBrokenSoNoPromisedDateIsShown() {
        JourneyStatus fridayEvening = asOf("2026-12-11T18:00");

        // E = 7320 + Wed 900 + (Thu 10 holiday) + Fri 1080 = 9300 ≥ P = 8640: the promised date has passed.
        // τ = 12:00 → 18:00 = 360; R = 1440 − 360 = 1080; S = 8640 − 10380 = −1740.
        // 1080 min from Fri 18:00: Fri 360, weekend, Mon 14 720 → 12:00
        assertEquals(new Seen(Status.BEHIND, "transfer", 9300, "2026-12-14T12:00"), seen(fridayEvening));
        assertEquals(Optional.empty(), fridayEvening.schedule().promisedBy());
        assertEquals(List.of(StepState.DONE, StepState.DONE, StepState.DONE, StepState.CURRENT), states(fridayEvening));
    }

    @Test
    void theRefundIsPaidLateAndEveryStepShowsHowLongItTook() {
        JourneyStatus paid = asOf("2026-12-14T17:00");

        // E = 9300 + Fri 360 + Mon 00:00 → 10:30 630 = 10290; variance = 8640 − 10290 = −1650
        assertEquals(new Seen(Status.COMPLETED_LATE, null, 10290, null), seen(paid));
        assertEquals(Optional.of(-1650L), paid.outcome().map(Outcome::varianceMinutes));
        assertEquals(Optional.empty(), paid.schedule().promisedBy());
        assertEquals(List.of(StepState.DONE, StepState.DONE, StepState.DONE, StepState.DONE), states(paid));
        // received 09:00 → 15:00; verification 540 + 3 × 1440 + 720 before the pause + 360 after it;
        // approval 480 + 1440 + 720 (Thursday a holiday); transfer 720 + 600
        assertEquals(List.of(360L, 5940L, 2640L, 1320L),
                paid.steps().stream().map(p -> JourneyStatus.minutes(p.actual())).toList());
    }

    @Test
    void aWeekLaterTheCitizenStillSeesTheSameOutcome() {
        JourneyStatus paid = asOf("2026-12-14T17:00");
        JourneyStatus weekLater = asOf("2026-12-21T09:00");

        assertEquals(seen(paid), seen(weekLater));
        assertEquals(paid.outcome().map(Outcome::varianceMinutes), weekLater.outcome().map(Outcome::varianceMinutes));
        assertEquals(paid.steps(), weekLater.steps());
    }

    private static JourneyStatus asOf(String localDateTime) {
        return JourneyStatus.of(PIT_REFUND, WHAT_HAPPENED, bangkok(localDateTime));
    }

    private static Seen seen(JourneyStatus s) {
        return new Seen(s.status(), s.currentStep().map(c -> c.step().code()).orElse(null), s.clock().elapsedMinutes(),
                s.schedule().expectedBy().map(t -> LocalDateTime.ofInstant(t, BANGKOK).toString()).orElse(null));
    }

    private static List<StepState> states(JourneyStatus s) {
        return s.steps().stream().map(StepProgress::state).toList();
    }
}
