package app.tamroi.domain.forecast;

import static app.tamroi.domain.forecast.Refunds.AFTER_THEM;
import static app.tamroi.domain.forecast.Refunds.FIRST_DAY;
import static app.tamroi.domain.forecast.Refunds.at;
import static app.tamroi.domain.forecast.Refunds.evenly;
import static app.tamroi.domain.forecast.Refunds.journey;
import static app.tamroi.domain.forecast.Refunds.learned;
import static app.tamroi.domain.forecast.Refunds.longTailed;
import static app.tamroi.domain.forecast.Refunds.straight;
import static app.tamroi.domain.forecast.Refunds.visit;
import static app.tamroi.domain.forecast.Refunds.window;
import static app.tamroi.support.EventLog.bangkok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.support.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final Forecaster FORECASTER = Forecaster.DEFAULT;
    private static final WorkingCalendar CALENDAR = Refunds.PIT_REFUND.definition().calendar();

    private static Forecast forecast(ServiceStatistics statistics, Position position, Map<String, Queue> queues) {
        return FORECASTER.forecast(window(statistics, AFTER_THEM), position, queues);
    }

    @Test
    void theLongerAnApplicationHasWaitedInItsStepTheLaterItIsExpectedToEnd() {
        ServiceStatistics history = learned(straight(100, FIRST_DAY, evenly(12, 96), 1));
        Instant verificationStarted = bangkok("2026-12-01T09:00");

        Forecast onTheFirstDay = forecast(history, at("verification", Duration.ZERO), Map.of());
        Forecast twoDaysOn = forecast(history, at("verification", Duration.ofHours(48)), Map.of());
        Instant twoDaysLater = CALENDAR.addWorkingTime(verificationStarted, Duration.ofHours(48));

        assertTrue(twoDaysOn.p50By(CALENDAR, twoDaysLater).isAfter(onTheFirstDay.p50By(CALENDAR, verificationStarted)));
        assertTrue(twoDaysOn.p80By(CALENDAR, twoDaysLater).isAfter(onTheFirstDay.p80By(CALENDAR, verificationStarted)));
    }

    @Test
    void anApplicationThatTookLongToReachItsStepIsForecastLikeTheOnesThatTookAsLong() {
        // half the refunds reach verification within hours and pass it in half a day; the other half
        // reach it after three days or more and need two and a half days there, and a day at approval
        List<CompletedJourney> journeys = new ArrayList<>();
        Random random = new Random(21);
        for (int i = 0; i < 120; i++) {
            boolean slow = i % 2 == 1;
            journeys.add(journey(FIRST_DAY.plusDays(i % 90),
                    visit("received", slow ? 80 + 20 * random.nextDouble() : 2 + 2 * random.nextDouble()),
                    visit("verification", slow ? 50 + 20 * random.nextDouble() : 10 + 4 * random.nextDouble()),
                    visit("approval", slow ? 24 : 6), visit("transfer", 4)));
        }
        ServiceStatistics history = learned(journeys);
        Position quickToArrive = new Position(Refunds.PIT_REFUND, "verification", Duration.ofHours(1), Duration.ofHours(4));
        Position slowToArrive = new Position(Refunds.PIT_REFUND, "verification", Duration.ofHours(1), Duration.ofHours(91));

        Forecast quick = forecast(history, quickToArrive, Map.of());
        Forecast slow = forecast(history, slowToArrive, Map.of());

        // the quick ones: about 12 h of verification left, 6 h approval, 4 h transfer
        assertTrue(quick.p80RemainingMinutes() < 26 * 60, quick.toString());
        // the slow ones: about 58 h of verification left, a day of approval, 4 h transfer
        assertTrue(slow.p50RemainingMinutes() > 70 * 60, slow.toString());
        assertTrue(slow.p80Remaining().compareTo(quick.p80Remaining()) > 0);
    }

    @Test
    void anApplicationStuckInALongTailedStepNeedsLongerStillThanOneThatJustArrived() {
        ServiceStatistics history = learned(straight(200, FIRST_DAY, longTailed(8), 2));

        Forecast justArrived = forecast(history, at("verification", Duration.ZERO), Map.of());
        Forecast stuckThreeDays = forecast(history, at("verification", Duration.ofHours(72)), Map.of());

        assertTrue(stuckThreeDays.p50Remaining().compareTo(justArrived.p50Remaining()) > 0,
                justArrived + " then " + stuckThreeDays);
        assertTrue(stuckThreeDays.p80Remaining().compareTo(justArrived.p80Remaining()) > 0,
                justArrived + " then " + stuckThreeDays);
    }

    @Test
    void aQueueAtALaterStepBeyondItsUsualLoadMovesTheForecastLaterByTheDaysItTakesToClear() {
        ServiceStatistics history = learned(straight(100, FIRST_DAY, evenly(12, 96), 3));
        Position inVerification = at("verification", Duration.ofHours(5));

        Forecast quiet = forecast(history, inVerification, Map.of());
        // approval takes 20 to 40 hours: at 10 a day it usually holds about 12 applications
        Forecast usual = forecast(history, inVerification, Map.of("approval", new Queue(10, 10)));
        Forecast backlog = forecast(history, inVerification, Map.of("approval", new Queue(60, 10)));
        Forecast worse = forecast(history, inVerification, Map.of("approval", new Queue(100, 10)));

        assertEquals(quiet, usual);
        assertTrue(backlog.p50Remaining().compareTo(quiet.p50Remaining()) > 0, quiet + " then " + backlog);
        // 40 more waiting at 10 a day: four more working days (give or take what the later start changes in the
        // times drawn for steps after it, which are those of visits begun about as late)
        assertEquals(backlog.p50RemainingMinutes() + 4 * 1440, worse.p50RemainingMinutes(), 0.05 * 1440);
        assertEquals(backlog.p80RemainingMinutes() + 4 * 1440, worse.p80RemainingMinutes(), 0.05 * 1440);
    }

    @Test
    void aSteadyQueueAtTheCurrentStepIsAlreadyInTheTimeSpentThereAndAddsNothing() {
        ServiceStatistics history = learned(straight(100, FIRST_DAY, evenly(12, 96), 3));
        Position inVerification = at("verification", Duration.ofHours(5));

        assertEquals(forecast(history, inVerification, Map.of()),
                forecast(history, inVerification, Map.of("verification", new Queue(500, 10))));
    }

    @Test
    void aGrowingQueueAtTheCurrentStepIsWaitedForLessWhatWasWaitedAlready() {
        ServiceStatistics history = learned(straight(100, FIRST_DAY, evenly(12, 96), 3));
        // approval usually holds about 12 at 10 a day; now 52 wait and 15 a day arrive
        Queue growing = new Queue(52, 10, 15);

        Forecast quiet = forecast(history, at("approval", Duration.ofHours(6)), Map.of());
        Forecast justArrived = forecast(history, at("approval", Duration.ofHours(6)), Map.of("approval", growing));
        Forecast waitedLong = forecast(history, at("approval", Duration.ofHours(6 * 24)), Map.of("approval", growing));

        // about 4 days for the 40 beyond the usual load, less the 6 hours already waited
        assertEquals(quiet.p50RemainingMinutes() + 4 * 1440 - 360, justArrived.p50RemainingMinutes(), 0.15 * 1440);
        assertTrue(waitedLong.p50Remaining().compareTo(justArrived.p50Remaining()) < 0, justArrived + " then " + waitedLong);
    }

    @Test
    void reworkLearnedFromHistoryMakesTheForecastLater() {
        List<CompletedJourney> withRework = new ArrayList<>();
        Random random = new Random(4);
        for (int i = 0; i < 100; i++) {
            double verification = 12 + 84 * random.nextDouble();
            double approval = 20 + 20 * random.nextDouble();
            withRework.add(i % 2 == 0
                    ? journey(FIRST_DAY.plusDays(i), visit("received", 3), visit("verification", verification),
                            visit("approval", approval), visit("transfer", 10))
                    : journey(FIRST_DAY.plusDays(i), visit("received", 3), visit("verification", verification),
                            visit("approval", approval), visit("verification", verification / 2),
                            visit("approval", approval), visit("transfer", 10)));
        }
        ServiceStatistics reworked = learned(withRework);
        ServiceStatistics straight = learned(straight(100, FIRST_DAY, evenly(12, 96), 4));
        Position inApproval = at("approval", Duration.ofHours(1));

        Forecast withoutRework = forecast(straight, inApproval, Map.of());
        Forecast sentBackHalfTheTime = forecast(reworked, inApproval, Map.of());

        assertEquals(50, window(reworked, AFTER_THEM).timesWent("approval", new Next.ToStep("verification")));
        assertTrue(sentBackHalfTheTime.p50Remaining().compareTo(withoutRework.p50Remaining()) > 0);
        assertTrue(sentBackHalfTheTime.p80Remaining().compareTo(withoutRework.p80Remaining()) > 0);
    }

    @Test
    void aStepHistorySkipsAddsNeitherItsTimeNorItsQueue() {
        Random random = new Random(5);
        List<CompletedJourney> skipping = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            skipping.add(journey(FIRST_DAY.plusDays(i), visit("received", 3),
                    visit("verification", 12 + 84 * random.nextDouble()), visit("transfer", 10)));
        }
        ServiceStatistics history = learned(skipping);
        Position inVerification = at("verification", Duration.ofHours(5));

        Forecast quiet = forecast(history, inVerification, Map.of());
        Forecast approvalSwamped = forecast(history, inVerification, Map.of("approval", new Queue(500, 1)));

        assertEquals(0, window(history, AFTER_THEM).timesWent("verification", new Next.ToStep("approval")));
        assertEquals(quiet, approvalSwamped);
        // at most verification's longest stay (96 h − 5 h) and transfer's 10 h; approval's 2-day target is not there
        assertTrue(quiet.p80RemainingMinutes() <= (91 + 10) * 60 + 60, quiet.toString());
    }

    @Test
    void belowTheMinimumSampleTheForecastIsThePlansRemainingTime() {
        ServiceStatistics history = learned(straight(29, FIRST_DAY, evenly(12, 96), 6));
        List<StepEvent> events = EventLog.arrivedInOrder(
                EventLog.submitted("2026-11-30T09:00"), EventLog.stepCompleted("received", "2026-11-30T15:00"));
        JourneyStatus status = JourneyStatus.of(Refunds.PIT_REFUND, events, bangkok("2026-12-01T09:00"));
        Position position = Position.of(status).orElseThrow();

        Forecast forecast = FORECASTER.forecast(window(history, AFTER_THEM), position, Map.of());

        assertEquals(Forecast.Basis.PLAN, forecast.basis());
        assertEquals(29, forecast.sampleSize());
        assertEquals(status.schedule().remaining(), forecast.p50Remaining());
        assertEquals(status.schedule().remaining(), forecast.p80Remaining());
    }

    @Test
    void aNewServiceWithNoHistoryIsForecastByItsPlan() {
        Forecast forecast = FORECASTER.forecast(History.none(180), at("received", Duration.ofHours(2)), Map.of());

        // received 1d − 2 h, then 2d + 2d + 1d
        assertEquals(Forecast.plan(Duration.ofHours(142), 0, 180), forecast);
    }

    @Test
    void theSameHistoryGivesTheSameAnswerWhateverOrderItWasRecordedIn() {
        List<CompletedJourney> journeys = straight(100, FIRST_DAY, longTailed(10), 7);
        List<CompletedJourney> shuffled = new ArrayList<>(journeys);
        Collections.shuffle(shuffled, new Random(7));
        Position position = at("verification", Duration.ofHours(30));
        Map<String, Queue> queues = Map.of("approval", new Queue(30, 12));

        Forecast first = forecast(learned(journeys), position, queues);

        assertEquals(first, forecast(learned(shuffled), position, queues));
        assertEquals(first, forecast(learned(journeys), position, queues));
        assertEquals(Forecast.Basis.HISTORY, first.basis());
        assertEquals(100, first.sampleSize());
    }

    @Test
    void datesAreCountedInTheServiceCalendarSkippingWeekendsAndHolidays() {
        Forecast forecast = new Forecast(Forecast.Basis.HISTORY, Duration.ofHours(12), Duration.ofHours(24), 40, 180,
                java.util.Collections.nCopies(Forecast.LEVELS, Duration.ofHours(12)));
        Instant fridayNoon = bangkok("2026-12-04T12:00");

        assertEquals(bangkok("2026-12-05T00:00"), forecast.p50By(CALENDAR, fridayNoon));
        // Monday 7 December is a holiday
        assertEquals(bangkok("2026-12-08T12:00"), forecast.p80By(CALENDAR, fridayNoon));
    }
}
