package app.tamroi.usecase.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tamroi.events")
public interface EventsConfig {

    /** How far in the future an event's time may lie before it is refused (clocks drift). */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** The most events one HTTP batch may carry. */
    @WithDefault("1000")
    int maxBatch();
}
