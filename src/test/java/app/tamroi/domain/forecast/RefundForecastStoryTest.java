package app.tamroi.domain.forecast;

import static app.tamroi.domain.forecast.Refunds.PIT_REFUND;
import static app.tamroi.domain.forecast.Refunds.journey;
import static app.tamroi.domain.forecast.Refunds.visit;
import static app.tamroi.support.EventLog.arrivedInOrder;
import static app.tamroi.support.EventLog.bangkok;
import static app.tamroi.support.EventLog.stepCompleted;
import static app.tamroi.support.EventLog.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refund office learns what its own timeline really looks like, told as one citizen's wait.
 *
 * <p>The office promises 6 working days (received 1d, verification 2d, approval 2d, transfer 1d).
 * In October and November 2026 its refunds end one a day: receipt takes 2 hours, verification
 * usually half a day to a day and a half, approval a day, transfer 6 hours; one refund in five
 * goes back from approval to verification for a second look. Somchai submits on Monday
 * 30 November at 09:00; his refund is received at 11:00.
 */
class RefundForecastStoryTest {

    private static final WorkingCalendar CALENDAR = PIT_REFUND.definition().calendar();
    private static final double[] VERIFICATION_HOURS = {10, 12, 14, 16, 18, 20, 24, 28, 32, 36};

    private static final List<StepEvent> SOMCHAI = arrivedInOrder(
            submitted("2026-11-30T09:00"), stepCompleted("received", "2026-11-30T11:00"));

    private static ServiceStatistics officeHistory(int refunds) {
        ServiceStatistics statistics = new ServiceStatistics();
        LocalDate day = LocalDate.of(2026, 10, 1);
        for (int i = 0; i < refunds; i++) {
            double verification = VERIFICATION_HOURS[i % VERIFICATION_HOURS.length];
            statistics.record(i % 5 == 4
                    ? journey(day.plusDays(i), visit("received", 2), visit("verification", verification),
                            visit("approval", 24), visit("verification", 8), visit("approval", 12), visit("transfer", 6))
                    : journey(day.plusDays(i), visit("received", 2), visit("verification", verification),
                            visit("approval", 24), visit("transfer", 6)), Refunds.WORKING_DAY);
        }
        return statistics;
    }

    private static Forecast askedAt(ServiceStatistics statistics, String localTime, Map<String, Queue> queues) {
        Instant now = bangkok(localTime);
        JourneyStatus status = JourneyStatus.of(PIT_REFUND, SOMCHAI, now);
        History known = statistics.asOf(LocalDate.ofInstant(now, CALENDAR.zone()), ServiceStatistics.DEFAULT_WINDOW_DAYS);
        return Forecaster.DEFAULT.forecast(known, Position.of(status).orElseThrow(), queues);
    }

    @Test
    void withOnly20RefundsBehindItTheOfficeCanOnlyTellItsPlan() {
        Forecast forecast = askedAt(officeHistory(20), "2026-11-30T12:00", Map.of());

        assertEquals(Forecast.Basis.PLAN, forecast.basis());
        // verification 2d − 1 h, approval 2d, transfer 1d = 119 h from Monday noon: Mon 12, Tue–Fri 96,
        // Monday 7 a holiday, Tuesday 11 h; the same date the plan's expectedBy shows
        Instant mondayNoon = bangkok("2026-11-30T12:00");
        assertEquals(bangkok("2026-12-08T11:00"), forecast.p80By(CALENDAR, mondayNoon));
        assertEquals(JourneyStatus.of(PIT_REFUND, SOMCHAI, mondayNoon).schedule().expectedBy().orElseThrow(),
                forecast.p50By(CALENDAR, mondayNoon));
    }

    @Test
    void withTwoMonthsOfRefundsBehindItTheOfficeTellsSomchaiEarlierDatesThanItsPlan() {
        Instant mondayNoon = bangkok("2026-11-30T12:00");
        Forecast forecast = askedAt(officeHistory(60), "2026-11-30T12:00", Map.of());

        assertEquals(Forecast.Basis.HISTORY, forecast.basis());
        assertEquals(60, forecast.sampleSize());
        Instant plan = CALENDAR.addWorkingTime(mondayNoon,
                JourneyStatus.of(PIT_REFUND, SOMCHAI, mondayNoon).schedule().remaining());
        assertTrue(forecast.p80By(CALENDAR, mondayNoon).isBefore(plan));
        assertTrue(forecast.p50By(CALENDAR, mondayNoon).isBefore(forecast.p80By(CALENDAR, mondayNoon)));
    }

    @Test
    void asHisVerificationDragsOnAndApprovalPilesUpTheDatesMoveLater() {
        ServiceStatistics history = officeHistory(60);
        Forecast monday = askedAt(history, "2026-11-30T12:00", Map.of());
        Forecast wednesday = askedAt(history, "2026-12-02T12:00", Map.of());
        Forecast wednesdayWithBacklog = askedAt(history, "2026-12-02T12:00", Map.of("approval", new Queue(60, 20)));
        Instant mondayNoon = bangkok("2026-11-30T12:00");
        Instant wednesdayNoon = bangkok("2026-12-02T12:00");

        // two days in verification, longer than most: the end he can expect moves later
        assertTrue(wednesday.p50By(CALENDAR, wednesdayNoon).isAfter(monday.p50By(CALENDAR, mondayNoon)));
        assertTrue(wednesday.p80By(CALENDAR, wednesdayNoon).isAfter(monday.p80By(CALENDAR, mondayNoon)));
        // 60 waiting at approval, which clears 20 a day and usually holds under 20: about two more working days
        assertEquals(wednesday.p80RemainingMinutes() + 2 * 1440, wednesdayWithBacklog.p80RemainingMinutes(), 0.15 * 1440);
    }
}
