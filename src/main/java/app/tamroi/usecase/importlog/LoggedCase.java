package app.tamroi.usecase.importlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case of an event log (an application, once imported): its completed activities in time order. */
public record LoggedCase(String id, List<LoggedEvent> events) {

    public LoggedCase {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one event");
        }
        events = List.copyOf(events);
    }

    public Instant start() {
        return events.get(0).at();
    }

    public LoggedEvent last() {
        return events.get(events.size() - 1);
    }

    /**
     * The cases of a log, ordered by their first event (ties: the order the file names them); in
     * each, the events in time order, ties in the order the file lists them, since a log often
     * stamps two activities with the same second.
     */
    public static List<LoggedCase> of(List<LoggedEvent> events) {
        Map<String, List<LoggedEvent>> byCase = new LinkedHashMap<>();
        for (LoggedEvent e : events) {
            byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
        }
        List<LoggedCase> cases = new ArrayList<>(byCase.size());
        byCase.forEach((id, list) -> {
            list.sort(Comparator.comparing(LoggedEvent::at));
            cases.add(new LoggedCase(id, list));
        });
        cases.sort(Comparator.comparing(LoggedCase::start));
        return cases;
    }
}
