package app.tamroi.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tamroi.demo")
public interface DemoConfig {

    /** Play demo journeys at start and print their status pages and agency tokens. */
    @WithDefault("false")
    boolean enabled();
}
