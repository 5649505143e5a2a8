package app.tamroi.support;

import app.tamroi.usecase.Limits;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Tamroi's limits as shipped, read from their defaults without starting Quarkus: for plain unit tests. */
public final class DefaultLimits {

    private static final Limits LIMITS = new SmallRyeConfigBuilder()
            .withMapping(Limits.class)
            .build()
            .unwrap(SmallRyeConfig.class)
            .getConfigMapping(Limits.class);

    private DefaultLimits() {
    }

    public static Limits limits() {
        return LIMITS;
    }
}
