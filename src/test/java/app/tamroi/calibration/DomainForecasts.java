package app.tamroi.calibration;

import app.tamroi.domain.forecast.Forecaster;
import app.tamroi.domain.forecast.Position;
import app.tamroi.domain.forecast.ServiceStatistics;
import app.tamroi.domain.forecast.Tally;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.service.ServiceVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forecast as the domain alone gives it, with the whole log in memory: each case's tally
 * summed into the service's statistics, and, at an instant, the statistics known at the start of
 * its local day. No database, no HTTP: minutes instead of a quarter of an hour, to try a change to
 * the forecaster before replaying it through Tamroi.
 */
public final class DomainForecasts implements AsOfForecasts {

    private final ServiceVersion version;
    /** The same weighing of recent days as the running Tamroi's, unless a tuning run asks for another. */
    static final int HALF_LIFE_DAYS = Integer.getInteger("tamroi.forecast.half-life-days", ServiceStatistics.DEFAULT_HALF_LIFE_DAYS);

    private final Forecaster forecaster;
    private final int windowDays;
    private final Map<String, List<StepEvent>> events = new HashMap<>();
    private final ServiceStatistics statistics = new ServiceStatistics();
    private final Map<LocalDate, Forecaster.Outlook> outlooks = new HashMap<>();

    public DomainForecasts(Workload workload, Forecaster forecaster, int windowDays) {
        this.version = workload.version();
        this.forecaster = forecaster;
        this.windowDays = windowDays;
        for (LoggedCase c : workload.cases()) {
            List<StepEvent> log = c.stepEvents();
            events.put(c.subject(), log);
            Tally.of(version, log).counts().forEach(count -> statistics.add(count.getKey(), count.getValue()));
        }
    }

    public DomainForecasts(Workload workload) {
        this(workload, Forecaster.DEFAULT, ServiceStatistics.DEFAULT_WINDOW_DAYS);
    }

    @Override
    public Optional<ForecastAt> at(String subject, Instant t) {
        JourneyStatus status = JourneyStatus.of(version, events.get(subject), t);
        return Position.of(status).map(position -> ForecastAt.of(outlook(t).forecast(position), status));
    }

    private Forecaster.Outlook outlook(Instant t) {
        LocalDate day = LocalDate.ofInstant(t, version.definition().calendar().zone());
        return outlooks.computeIfAbsent(day, d -> forecaster.outlook(statistics.asOf(d, windowDays, HALF_LIFE_DAYS), version,
                statistics.queuesAsOf(d, version.definition().calendar())));
    }
}
