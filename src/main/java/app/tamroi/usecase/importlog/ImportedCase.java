package app.tamroi.usecase.importlog;

import java.util.List;

/** A case of the log beside the step events it becomes. */
public record ImportedCase(LoggedCase logged, List<CaseEvent> events) {

    public ImportedCase {
        events = List.copyOf(events);
    }

    public String subject() {
        return events.get(0).subject();
    }

    /** The activity a step event stands for: the one the application moves to at it. */
    String activityAt(CaseEvent event) {
        return logged.events().get(event.index()).activity();
    }
}
