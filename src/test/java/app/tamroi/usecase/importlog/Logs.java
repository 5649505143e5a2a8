package app.tamroi.usecase.importlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Event logs written in tests as an analyst reads them: case, activity, time, one event a line. */
final class Logs {

    private Logs() {
    }

    /** Rows of {case, activity, ISO instant}; each row's line is its place in the list, from 2 (after a header). */
    static List<LoggedEvent> of(String[]... rows) {
        List<LoggedEvent> events = new ArrayList<>();
        for (String[] row : rows) {
            events.add(new LoggedEvent(row[0], row[1], Instant.parse(row[2]), events.size() + 2L));
        }
        return events;
    }

    static String[] row(String caseId, String activity, String at) {
        return new String[] {caseId, activity, at};
    }

    static LoggedCase oneCase(String[]... rows) {
        return LoggedCase.of(of(rows)).get(0);
    }
}
