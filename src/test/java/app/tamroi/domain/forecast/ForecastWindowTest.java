package app.tamroi.domain.forecast;

import static app.tamroi.domain.forecast.Refunds.FIRST_DAY;
import static app.tamroi.domain.forecast.Refunds.at;
import static app.tamroi.domain.forecast.Refunds.evenly;
import static app.tamroi.domain.forecast.Refunds.journey;
import static app.tamroi.domain.forecast.Refunds.straight;
import static app.tamroi.domain.forecast.Refunds.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rolling window: what history counts as of a day, and what it forgets. */
class ForecastWindowTest {

    private static final Position IN_VERIFICATION = at("verification", Duration.ZERO);

    @Test
    void aStepThatGotSlowerShowsOnceTheOldFastDaysLeaveTheWindow() {
        ServiceStatistics statistics = new ServiceStatistics();
        // January to March: verification takes half a day to a day; from mid-April on, three to four days
        straight(80, FIRST_DAY, evenly(12, 24), 8).forEach(j -> statistics.record(j, Refunds.WORKING_DAY));
        LocalDate slowerFrom = FIRST_DAY.plusDays(100);
        straight(80, slowerFrom, evenly(72, 96), 9).forEach(j -> statistics.record(j, Refunds.WORKING_DAY));

        LocalDate bothInWindow = slowerFrom.plusDays(80);
        LocalDate fastDaysGone = FIRST_DAY.plusDays(80 + 180);
        Forecast mixed = Forecaster.DEFAULT.forecast(statistics.asOf(bothInWindow, 180), IN_VERIFICATION, Map.of());
        Forecast slowOnly = Forecaster.DEFAULT.forecast(statistics.asOf(fastDaysGone, 180), IN_VERIFICATION, Map.of());

        assertEquals(160, mixed.sampleSize());
        assertEquals(80, slowOnly.sampleSize());
        assertTrue(slowOnly.p50Remaining().compareTo(mixed.p50Remaining()) > 0, mixed + " then " + slowOnly);
        assertTrue(slowOnly.p80Remaining().compareTo(mixed.p80Remaining()) >= 0, mixed + " then " + slowOnly);
    }

    @Test
    void aJourneyCountsFromTheDayAfterItEndedUntilItsDayLeavesTheWindow() {
        ServiceStatistics statistics = new ServiceStatistics();
        LocalDate ended = LocalDate.of(2026, 5, 4);
        statistics.record(journey(ended, visit("received", 1), visit("verification", 30), visit("approval", 30),
                visit("transfer", 5)), Refunds.WORKING_DAY);

        assertEquals(0, statistics.asOf(ended, 180).journeys());
        assertEquals(1, statistics.asOf(ended.plusDays(1), 180).journeys());
        assertEquals(1, statistics.asOf(ended.plusDays(180), 180).journeys());
        assertEquals(0, statistics.asOf(ended.plusDays(181), 180).journeys());
        assertEquals(1, statistics.asOf(ended.plusDays(7), 7).journeys());
        assertEquals(0, statistics.asOf(ended.plusDays(8), 7).journeys());
    }

    @Test
    void asOfAnEarlierDayGivesWhatWasKnownThenWhateverWasRecordedSince() {
        ServiceStatistics statistics = new ServiceStatistics();
        straight(60, FIRST_DAY, evenly(12, 96), 10).forEach(j -> statistics.record(j, Refunds.WORKING_DAY));
        LocalDate thatDay = FIRST_DAY.plusDays(60);
        Forecast toldThen = Forecaster.DEFAULT.forecast(statistics.asOf(thatDay, 180), IN_VERIFICATION, Map.of());

        straight(60, thatDay, evenly(100, 200), 11).forEach(j -> statistics.record(j, Refunds.WORKING_DAY));

        assertEquals(toldThen, Forecaster.DEFAULT.forecast(statistics.asOf(thatDay, 180), IN_VERIFICATION, Map.of()));
    }
}
