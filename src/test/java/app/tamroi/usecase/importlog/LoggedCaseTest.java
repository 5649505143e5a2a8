package app.tamroi.usecase.importlog;

import static app.tamroi.usecase.importlog.Logs.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedCaseTest {

    @Test
    void casesAreOrderedByTheirFirstEventAndTiesKeepTheFilesOrder() {
        List<LoggedCase> cases = LoggedCase.of(Logs.of(
                row("late", "A", "2024-03-02T00:00:00Z"),
                row("early", "B", "2024-03-01T10:00:00Z"),
                row("early", "A", "2024-03-01T09:00:00Z"),
                row("tie-1", "A", "2024-03-01T12:00:00Z"),
                row("tie-2", "A", "2024-03-01T12:00:00Z")));

        assertEquals(List.of("early", "tie-1", "tie-2", "late"), cases.stream().map(LoggedCase::id).toList());
        assertEquals(List.of("A", "B"), cases.get(0).events().stream().map(LoggedEvent::activity).toList());
    }

    @Test
    void activitiesStampedWithTheSameInstantKeepTheOrderTheFileListsThem() {
        LoggedCase c = LoggedCase.of(Logs.of(
                row("c", "Second", "2024-03-01T09:00:00Z"),
                row("c", "First", "2024-03-01T08:00:00Z"),
                row("c", "Third", "2024-03-01T09:00:00Z"))).get(0);

        assertEquals(List.of("First", "Second", "Third"), c.events().stream().map(LoggedEvent::activity).toList());
    }
}
