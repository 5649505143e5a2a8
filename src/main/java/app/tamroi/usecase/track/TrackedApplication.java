package app.tamroi.usecase.track;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.Agency;
import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.forecast.Forecast;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An application with its status at one instant, the events that status was derived from, the
 * agency whose service it is, as the operator names it, and, while it is open, the forecast of
 * when it will end as it stood at that instant.
 */
public record TrackedApplication(Application application, JourneyStatus status, List<RecordedEvent> events,
                                 Agency agency, Optional<Forecast> forecast) {

    /** The forecast's dates: none while the clock is stopped, like the plan's expected date. */
    public Optional<Instant> p50By() {
        return forecastDate(Forecast::p50By);
    }

    public Optional<Instant> p80By() {
        return forecastDate(Forecast::p80By);
    }

    private Optional<Instant> forecastDate(ForecastDate date) {
        if (status.schedule().expectedBy().isEmpty()) {
            return Optional.empty();
        }
        return forecast.map(f -> date.at(f, status.serviceVersion().definition().calendar(), status.asOf()));
    }

    private interface ForecastDate {
        Instant at(Forecast forecast, WorkingCalendar calendar, Instant now);
    }
}
