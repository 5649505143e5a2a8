package app.tamroi.usecase.forecast;

import app.tamroi.domain.forecast.ServiceStatistics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How forecasts learn and how long what they learned is kept in memory. */
@ConfigMapping(prefix = "tamroi.forecast")
public interface ForecastSettings {

    /**
     * Whether ingestion keeps the statistics. Off, nothing is learned and every forecast is the
     * plan's; the benchmark runs both ways to show what learning costs.
     */
    @WithDefault("true")
    boolean statistics();

    /** Completed journeys a service needs in the window before history is trusted over the plan. */
    @WithDefault("30")
    int minimumSample();

    /** The rolling window history is learned over, in days. */
    @WithDefault("180")
    int windowDays();

    /**
     * Within the window, how many days back a day's visits weigh half as much as yesterday's (0:
     * all alike): how fast a step that changes pace shows in its forecasts.
     */
    @WithDefault("" + ServiceStatistics.DEFAULT_HALF_LIFE_DAYS)
    int halfLifeDays();

    /** Journeys played forward per forecast. */
    @WithDefault("4000")
    int plays();

    /**
     * How long what was learned for one service and day is reused before it is read again: the
     * time within which a journey ended on another instance, and dated on an earlier day, shows.
     */
    @WithDefault("PT60S")
    Duration reuseFor();

    /** Services-and-days kept learned in memory; each holds a few hundred kilobytes of plays. */
    @WithDefault("128")
    int keep();
}
