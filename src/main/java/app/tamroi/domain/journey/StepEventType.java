package app.tamroi.domain.journey;

import java.util.Arrays;
import java.util.Optional;

/** What a back-office system says happened to an application, by its CloudEvents type. */
public enum StepEventType {
    SUBMITTED("tamroi.application.submitted", false),
    STEP_STARTED("tamroi.step.started", true),
    STEP_COMPLETED("tamroi.step.completed", true),
    PAUSED("tamroi.application.paused", false),
    RESUMED("tamroi.application.resumed", false),
    COMPLETED("tamroi.application.completed", false),
    REJECTED("tamroi.application.rejected", false),
    WITHDRAWN("tamroi.application.withdrawn", false);

    private final String cloudEventType;
    private final boolean namesStep;

    StepEventType(String cloudEventType, boolean namesStep) {
        this.cloudEventType = cloudEventType;
        this.namesStep = namesStep;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** step.started and step.completed must say which step. */
    public boolean namesStep() {
        return namesStep;
    }

    public boolean endsJourney() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
    }

    public static Optional<StepEventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}
