package app.tamroi.calibration;

import app.tamroi.adapter.in.eventlog.CsvEventLog;
import app.tamroi.adapter.in.eventlog.CsvLayout;
import app.tamroi.adapter.in.eventlog.EventLogBounds;
import app.tamroi.adapter.in.eventlog.EventTimes;
import app.tamroi.adapter.in.eventlog.XesEventLog;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real event log as the calibration walks it: traces of completed activities, read by the very
 * reader {@code import-log} uses for agencies (so the calibration judges what an agency imports).
 */
public final class EventLogFile {

    /** Wide enough for the public research logs, which are far beyond what an agency's import may send at once. */
    private static final EventLogBounds BOUNDS = new EventLogBounds(256L << 20, 5_000_000, 4096, 4096);

    public record Activity(String name, Instant at) {
    }

    public record Trace(String name, List<Activity> activities) {
        public Trace {
            // a log lists a trace's events in order; equal times keep that order
            activities = activities.stream().sorted(Comparator.comparing(Activity::at)).toList();
        }
    }

    private EventLogFile() {
    }

    /** The traces of an XES log, plain or gzipped, in the order they first appear. */
    public static List<Trace> readXes(Path file) {
        EventTimes times = EventTimes.iso(Optional.empty());
        List<LoggedEvent> events = new app.tamroi.adapter.in.eventlog.EventLogFile(BOUNDS).read(file,
                app.tamroi.adapter.in.eventlog.EventLogFile.Format.XES, new XesEventLog(times, BOUNDS),
                new CsvEventLog(CsvLayout.standard(), times, BOUNDS));
        Map<String, List<Activity>> byCase = new LinkedHashMap<>();
        events.forEach(e -> byCase.computeIfAbsent(e.caseId(), c -> new ArrayList<>()).add(new Activity(e.activity(), e.at())));
        return byCase.entrySet().stream().map(e -> new Trace(e.getKey(), e.getValue())).toList();
    }
}
