package app.tamroi.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declared once, without restriction, so every {@code @QuarkusTest} shares one application and one
 * broker: Quarkus then boots once for the whole suite.
 */
@QuarkusTestResource(KafkaBroker.class)
public final class TamroiTestResources {
    private TamroiTestResources() {
    }
}
