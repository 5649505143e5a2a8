package app.tamroi.usecase.importlog;

import app.tamroi.domain.journey.StepEventType;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A step event an imported case becomes. Its id is the application's subject and its place in the
 * case (0 is the submission), so importing the same file again is answered DUPLICATE event by event.
 */
public record CaseEvent(String subject, int index, StepEventType type, Optional<String> step, Instant at) {

    /** The CloudEvents source of every imported event: with the id, what makes an import repeatable. */
    public static final String SOURCE = "urn:tamroi:import-log";

    public String id() {
        return subject + "#" + index;
    }

    public IncomingStepEvent incoming(String service) {
        return new IncomingStepEvent("1.0", id(), SOURCE, type.cloudEventType(), subject, at.toString(), service,
                step.orElse(null), null, null);
    }
}
