package app.tamroi.domain.journey;

import static app.tamroi.support.EventLog.BANGKOK;
import static app.tamroi.support.EventLog.arrivedInOrder;
import static app.tamroi.support.EventLog.bangkok;
import static app.tamroi.support.EventLog.completed;
import static app.tamroi.support.EventLog.paused;
import static app.tamroi.support.EventLog.rejected;
import static app.tamroi.support.EventLog.resumed;
import static app.tamroi.support.EventLog.stepCompleted;
import static app.tamroi.support.EventLog.stepStarted;
import static app.tamroi.support.EventLog.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.journey.JourneyStatus.Outcome;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import app.tamroi.support.StatusFixtures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules of the status rule that the shared vectors do not pin down. Unless a test builds its own
 * service, it uses the pit-refund vector: whole working days Monday to Friday in Bangkok, steps
 * received 1d, verification 2d, approval 2d, transfer 1d, promise 6d (8640 min). 16 November 2026
 * is a Monday.
 */
class JourneyRulesTest {

    private static final ServiceVersion PIT_REFUND = StatusFixtures.version("pit-refund");

    // ---- A step the citizen owns ----

    /** check 1d (agency), documents 3d (citizen), decision 2d (agency): P = 1d + 2d = 4320 min. */
    private static final ServiceVersion WITH_CITIZEN_STEP = new ServiceVersion(new ServiceDefinition(
            "business-licence", "test-agency", new LocalizedText("ใบอนุญาต", "Business licence"), Optional.empty(),
            Optional.empty(),
            new WorkingCalendar(BANGKOK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Optional.empty(), Set.of()),
            ServiceDefinition.DEFAULT_AHEAD_FRACTION, ServiceDefinition.DEFAULT_AT_RISK_FRACTION, List.of(
                    step("check", "1d", StepOwner.AGENCY),
                    step("documents", "3d", StepOwner.CITIZEN),
                    step("decision", "2d", StepOwner.AGENCY))), 1, bangkok("2026-01-01T00:00"));

    private static final List<StepEvent> HANDED_TO_CITIZEN = arrivedInOrder(
            submitted("2026-11-16T09:00"),
            stepCompleted("check", "2026-11-16T15:00"));

    @Test
    void aStepTheCitizenOwnsStopsTheClock() {
        for (String now : List.of("2026-11-17T09:00", "2026-11-20T16:00")) {
            JourneyStatus waiting = JourneyStatus.of(WITH_CITIZEN_STEP, HANDED_TO_CITIZEN, bangkok(now));

            assertEquals(Status.WAITING_ON_CITIZEN, waiting.status(), now);
            assertFalse(waiting.clock().running(), now);
            assertEquals("documents", waiting.currentStep().map(c -> c.step().code()).orElseThrow(), now);
            // elapsed stays at the 6 h of the agency's check, however long the citizen takes
            assertEquals(360, waiting.clock().elapsedMinutes(), now);
            assertEquals(0, waiting.minutesInCurrentStep(), now);
            // the citizen's 3d count nothing: R = 0 + decision's 2880
            assertEquals(2880, waiting.schedule().remainingMinutes(), now);
            assertEquals(4320, waiting.clock().promiseMinutes(), now);
            // S = 4320 − (360 + 2880) = 1080 ≥ 10 % of 4320
            assertEquals(Status.AHEAD, waiting.schedule().status(), now);
            assertFalse(waiting.schedule().atRisk(), now);
            assertEquals(Optional.empty(), waiting.schedule().expectedBy(), now);
            assertEquals(Optional.empty(), waiting.schedule().promisedBy(), now);
        }
    }

    @Test
    void theClockRunsAgainWhenTheCitizensStepIsDone() {
        List<StepEvent> answered = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("check", "2026-11-16T15:00"),
                stepCompleted("documents", "2026-11-19T09:00"));

        JourneyStatus deciding = JourneyStatus.of(WITH_CITIZEN_STEP, answered, bangkok("2026-11-19T15:00"));

        // E = 360 + 360; R = 2880 − 360 = 2520; 2520 from Thu 15:00: Thu 540, Fri 1440, Mon 540
        assertEquals(Status.AHEAD, deciding.status());
        assertTrue(deciding.clock().running());
        assertEquals(720, deciding.clock().elapsedMinutes());
        assertEquals(2520, deciding.schedule().remainingMinutes());
        assertEquals(Optional.of(bangkok("2026-11-23T09:00")), deciding.schedule().expectedBy());
        assertEquals(0, JourneyStatus.minutes(deciding.steps().get(1).actual()));
    }

    // ---- Rework ----

    @Test
    void reworkStartsTheEarlierStepAgainAndLaterStepsArePendingOnceMore() {
        List<StepEvent> sentBack = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("received", "2026-11-16T12:00"),
                stepCompleted("verification", "2026-11-17T10:00"),
                stepStarted("verification", "2026-11-18T09:00"));

        JourneyStatus reworking = JourneyStatus.of(PIT_REFUND, sentBack, bangkok("2026-11-18T15:00"));

        assertEquals("verification", reworking.currentStep().map(c -> c.step().code()).orElseThrow());
        // τ counts from the second start only: 09:00 → 15:00
        assertEquals(360, reworking.minutesInCurrentStep());
        assertEquals(List.of(StepState.DONE, StepState.CURRENT, StepState.PENDING, StepState.PENDING),
                reworking.steps().stream().map(StepProgress::state).toList());
        assertEquals(Optional.empty(), reworking.steps().get(2).startedAt());
        // E = 900 + 1440 + 900 = 3240; R = (2880 − 360) + 2880 + 1440 = 6840; S = 8640 − 10080 = −1440
        assertEquals(Status.BEHIND, reworking.status());
        assertEquals(-1440, reworking.schedule().slackMinutes());
    }

    // ---- Which events count ----

    @Test
    void theAgencysLatestNoteReachesTheCitizenEvenOnAnEventThatMovesNothing() {
        List<StepEvent> events = new java.util.ArrayList<>(arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("received", "2026-11-16T12:00")));
        events.add(new StepEvent(StepEventType.STEP_STARTED, Optional.of("verification"), bangkok("2026-11-16T13:00"),
                10, Optional.of("Many refunds this week: verification may take a day longer")));

        JourneyStatus status = JourneyStatus.of(PIT_REFUND, events, bangkok("2026-11-17T09:00"));

        assertEquals(Optional.of("Many refunds this week: verification may take a day longer"), status.publicNote());
        assertEquals(1260, status.minutesInCurrentStep(), "starting the current step again restarts nothing");
    }

    @Test
    void anEventAfterNowIsIgnoredAndOneExactlyAtNowCounts() {
        List<StepEvent> events = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("received", "2026-11-16T12:00"));

        JourneyStatus justBefore = JourneyStatus.of(PIT_REFUND, events, bangkok("2026-11-16T12:00").minusSeconds(1));
        JourneyStatus exactly = JourneyStatus.of(PIT_REFUND, events, bangkok("2026-11-16T12:00"));

        assertEquals("received", justBefore.currentStep().map(c -> c.step().code()).orElseThrow());
        assertEquals("verification", exactly.currentStep().map(c -> c.step().code()).orElseThrow());
        assertEquals(0, exactly.minutesInCurrentStep());
    }

    @Test
    void aSubmissionAfterNowIsNotYetASubmission() {
        JourneyStatus before = JourneyStatus.of(PIT_REFUND, arrivedInOrder(submitted("2026-11-16T09:00")),
                bangkok("2026-11-16T08:59"));

        assertEquals(Status.NOT_SUBMITTED, before.status());
    }

    @Test
    void eventsAfterTheEndingEventAreIgnored() {
        List<StepEvent> untilRejected = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                rejected("2026-11-17T09:00"));
        List<StepEvent> withLateNoise = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                rejected("2026-11-17T09:00"),
                stepCompleted("received", "2026-11-17T12:00"),
                paused("2026-11-18T09:00"),
                completed("2026-11-19T09:00"));
        Instant now = bangkok("2026-11-20T09:00");

        JourneyStatus rejectedStatus = JourneyStatus.of(PIT_REFUND, withLateNoise, now);

        assertEquals(JourneyStatus.of(PIT_REFUND, untilRejected, now), rejectedStatus);
        assertEquals(Status.REJECTED, rejectedStatus.status());
        assertEquals(1440, rejectedStatus.clock().elapsedMinutes());
        assertEquals(Optional.of(bangkok("2026-11-17T09:00")), rejectedStatus.outcome().map(Outcome::endedAt));
    }

    @Test
    void pausingTwiceIsTheSameAsPausingOnce() {
        List<StepEvent> once = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                paused("2026-11-17T09:00"),
                resumed("2026-11-19T09:00"));
        List<StepEvent> twice = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                paused("2026-11-17T09:00"),
                paused("2026-11-18T09:00"),
                resumed("2026-11-19T09:00"));
        Instant now = bangkok("2026-11-19T15:00");

        JourneyStatus afterDoublePause = JourneyStatus.of(PIT_REFUND, twice, now);

        assertEquals(JourneyStatus.of(PIT_REFUND, once, now), afterDoublePause);
        // one resume is enough to start the clock again: Mon→Tue 1440, then Thu 09:00 → 15:00
        assertEquals(1800, afterDoublePause.clock().elapsedMinutes());
        // still in received (1d): R = 0 + 7200, S = 8640 − (1800 + 7200) = −360
        assertEquals(Status.BEHIND, afterDoublePause.status());
    }

    @Test
    void resumingWhenNotPausedChangesNothing() {
        List<StepEvent> plain = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                stepCompleted("received", "2026-11-16T12:00"));
        List<StepEvent> withStrayResume = arrivedInOrder(
                submitted("2026-11-16T09:00"),
                resumed("2026-11-16T10:00"),
                stepCompleted("received", "2026-11-16T12:00"),
                resumed("2026-11-17T09:00"));
        Instant now = bangkok("2026-11-17T12:00");

        assertEquals(JourneyStatus.of(PIT_REFUND, plain, now), JourneyStatus.of(PIT_REFUND, withStrayResume, now));
    }

    @Test
    void onlyAStepEventWithoutASubmissionIsNotSubmitted() {
        List<StepEvent> stepOnly = arrivedInOrder(stepCompleted("received", "2026-11-16T12:00"));

        JourneyStatus status = JourneyStatus.of(PIT_REFUND, stepOnly, bangkok("2026-11-18T09:00"));

        assertEquals(Status.NOT_SUBMITTED, status.status());
        assertEquals(Optional.empty(), status.currentStep());
        assertEquals(0, status.clock().elapsedMinutes());
        assertEquals(Optional.empty(), status.schedule().expectedBy());
        assertEquals(Optional.empty(), status.clock().submittedAt());
        assertEquals(List.of(StepState.PENDING, StepState.PENDING, StepState.PENDING, StepState.PENDING),
                status.steps().stream().map(StepProgress::state).toList());
    }

    // ---- Which version an application follows ----

    private static final ServiceVersion FIRST = version(1, "2026-01-01T00:00", "6d");
    private static final ServiceVersion SECOND = version(2, "2026-06-01T10:00", "5d");
    private static final ServiceVersion THIRD = version(3, "2026-09-01T00:00", "4d");
    // listed out of order on purpose: the history orders its versions itself
    private static final ServiceHistory HISTORY = new ServiceHistory(List.of(THIRD, FIRST, SECOND));

    @Test
    void anApplicationFollowsTheVersionPublishedAtOrBeforeItsSubmission() {
        assertEquals(SECOND, HISTORY.inEffectAt(bangkok("2026-07-15T09:00")));
        assertEquals(SECOND, HISTORY.inEffectAt(bangkok("2026-06-01T10:00")));
        assertEquals(FIRST, HISTORY.inEffectAt(bangkok("2026-06-01T10:00").minusSeconds(1)));
        assertEquals(THIRD, HISTORY.inEffectAt(bangkok("2027-03-01T09:00")));
        assertEquals(THIRD, HISTORY.current());
    }

    @Test
    void anApplicationSubmittedBeforeTheFirstPublicationFollowsTheFirstVersion() {
        assertEquals(FIRST, HISTORY.inEffectAt(bangkok("2025-12-15T09:00")));
    }

    private static Step step(String code, String target, StepOwner owner) {
        return new Step(code, new LocalizedText(null, code), WorkingDuration.parse(target), owner);
    }

    private static ServiceVersion version(int number, String publishedAt, String promise) {
        ServiceDefinition d = PIT_REFUND.definition();
        ServiceDefinition withPromise = new ServiceDefinition(d.code(), d.agency(), d.name(), d.description(),
                Optional.of(WorkingDuration.parse(promise)), d.calendar(), d.aheadFraction(), d.atRiskFraction(), d.steps());
        return new ServiceVersion(withPromise, number, bangkok(publishedAt));
    }
}
