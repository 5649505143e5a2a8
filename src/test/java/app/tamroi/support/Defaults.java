package app.tamroi.support;

import app.tamroi.usecase.Limits;
import app.tamroi.usecase.forecast.ForecastSettings;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Tamroi's settings as shipped, read from their defaults without starting Quarkus: for plain unit tests. */
public final class Defaults {

    private static final SmallRyeConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(Limits.class)
            .withMapping(ForecastSettings.class)
            .build()
            .unwrap(SmallRyeConfig.class);

    private Defaults() {
    }

    public static Limits limits() {
        return CONFIG.getConfigMapping(Limits.class);
    }

    public static ForecastSettings forecastSettings() {
        return CONFIG.getConfigMapping(ForecastSettings.class);
    }
}
