package app.tamroi.usecase.importlog;

import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one case of a log becomes step events. An event log records when each activity was done; the
 * time before it was spent doing it. So the application is submitted at the case's first event, at
 * each event it moves to the step of the next activity, and the last event ends it. A case of one
 * event is submitted and ended at the same instant: an application that took no time, counted
 * rather than dropped, so that an import has as many applications as the log has cases.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /**
     * @param subject the application's subject (the case id, with any prefix the agency gives)
     * @throws InvalidEventLogException when an activity the application moves to has no step code
     */
    public static List<CaseEvent> of(LoggedCase loggedCase, String subject, StepCodes codes, Endings endings) {
        List<LoggedEvent> events = loggedCase.events();
        int n = events.size();
        List<CaseEvent> out = new ArrayList<>(n + 1);
        out.add(new CaseEvent(subject, 0, StepEventType.SUBMITTED, Optional.empty(), events.get(0).at()));
        for (int i = 0; i + 1 < n; i++) {
            LoggedEvent next = events.get(i + 1);
            String step = codes.of(next.activity())
                    .orElseThrow(() -> InvalidEventLogException.at(next.line(), codes.missing(next.activity())));
            out.add(new CaseEvent(subject, i + 1, StepEventType.STEP_STARTED, Optional.of(step), events.get(i).at()));
        }
        LoggedEvent last = loggedCase.last();
        out.add(new CaseEvent(subject, n, endings.after(last.activity()), Optional.empty(), last.at()));
        return out;
    }

    /**
     * The same moves as the service's timeline tells them: a move to the step right after the one
     * the application is in is that step's completion (so the status page shows it done, not
     * skipped); a move anywhere else (rework, a skip) stays an explicit step.started. Either way the
     * application leaves and enters the same steps at the same instants.
     */
    public static List<CaseEvent> withCompletions(List<CaseEvent> moves, ServiceDefinition definition) {
        List<CaseEvent> out = new ArrayList<>(moves.size());
        Optional<String> current = Optional.empty();
        for (CaseEvent e : moves) {
            CaseEvent told = e;
            if (e.type() == StepEventType.STEP_STARTED) {
                String step = e.step().orElseThrow();
                if (current.isPresent() && definition.indexOf(step) == definition.indexOf(current.get()) + 1) {
                    told = new CaseEvent(e.subject(), e.index(), StepEventType.STEP_COMPLETED, current, e.at());
                }
                current = Optional.of(step);
            }
            out.add(told);
        }
        return out;
    }
}
