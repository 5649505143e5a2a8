package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.StepEventType;

/** Where a journey went after a visit: on to a step (later, earlier for rework) or to its end. */
public sealed interface Next {

    record ToStep(String step) implements Next {
    }

    record End(StepEventType outcome) implements Next {
    }

    /**
     * A stable name, so that transitions are drawn in the same order whatever order history was
     * recorded in; step codes never start with '!'.
     */
    default String key() {
        return this instanceof End end ? "!" + end.outcome().name() : ((ToStep) this).step();
    }

    static Next ofKey(String key) {
        return key.startsWith("!") ? new End(StepEventType.valueOf(key.substring(1))) : new ToStep(key);
    }
}
