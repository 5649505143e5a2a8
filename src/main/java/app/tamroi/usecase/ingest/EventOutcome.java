package app.tamroi.usecase.ingest;

import java.util.Optional;

/** What became of one event: applied (kept and counted), a duplicate of one kept, or rejected with the reason. */
public record EventOutcome(String id, String source, Outcome outcome, Optional<String> trackingCode,
                           Optional<EventProblem> problem) {

    public enum Outcome { APPLIED, DUPLICATE, REJECTED }

    static EventOutcome rejected(IncomingStepEvent e, EventProblem problem) {
        return new EventOutcome(e.id(), e.source(), Outcome.REJECTED, Optional.empty(), Optional.of(problem));
    }
}
