package app.tamroi.calibration;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.journey.JourneyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Tamroi would have told about one application at an instant: its forecast at every
 * twentieth and its plan's date. The calibration asks only through this, so the same evaluation
 * runs against the real read path and against the domain alone.
 */
public interface AsOfForecasts {

    /** Empty when the application has no forecast at {@code t} (ended, or past its last step). */
    Optional<ForecastAt> at(String subject, Instant t);

    /**
     * @param levels       the instant by which k/20 of similar applications were done, k = 1 … 19
     * @param expectedBy   the plan's date (empty while paused)
     * @param currentStep  the step the application is in
     */
    record ForecastAt(Forecast.Basis basis, List<Instant> levels, Optional<Instant> expectedBy, String currentStep,
                      long sampleSize) {

        public ForecastAt {
            if (levels.size() != Forecast.LEVELS) {
                throw new IllegalArgumentException("a forecast has " + Forecast.LEVELS + " levels, got " + levels.size());
            }
            levels = List.copyOf(levels);
        }

        /** What the status at its instant shows with this forecast, each level turned into a date by the service's calendar. */
        public static ForecastAt of(Forecast forecast, JourneyStatus status) {
            WorkingCalendar calendar = status.serviceVersion().definition().calendar();
            List<Instant> levels = new ArrayList<>(Forecast.LEVELS);
            for (int k = 1; k <= Forecast.LEVELS; k++) {
                levels.add(calendar.addWorkingTime(status.asOf(), forecast.remainingAt(k)));
            }
            String step = status.currentStep().orElseThrow(() -> new IllegalArgumentException("a forecast needs a current step")).step().code();
            return new ForecastAt(forecast.basis(), levels, status.schedule().expectedBy(), step, forecast.sampleSize());
        }

        /** The instant at level k/20. */
        public Instant level(int twentieths) {
            return levels.get(twentieths - 1);
        }

        public Instant p50By() {
            return level(10);
        }

        public Instant p80By() {
            return level(16);
        }
    }
}
