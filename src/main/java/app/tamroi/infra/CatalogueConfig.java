package app.tamroi.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "tamroi.catalogue")
public interface CatalogueConfig {

    /** Operator configuration: services/*.json and calendars/*.json below it. */
    @WithDefault("config")
    Path dir();

    /** Publish config/services at start; an unchanged definition makes no new version. */
    @WithDefault("true")
    boolean loadAtStart();
}
