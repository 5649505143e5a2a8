package app.tamroi.calibration;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.adapter.in.json.TimelineDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one calibration replays: a service timeline as an agency would publish it, and the cases
 * of its log ordered by their first event. The last fifth of them are the test cases; the rest
 * only teach the naive baseline (the forecaster learns from whatever had ended before each
 * question, test cases included, as it would in production).
 *
 * @param notes how the workload was made, for the calibration document, one paragraph each
 */
public record Workload(String name, ObjectNode timeline, ServiceVersion version, List<LoggedCase> cases, List<String> notes) {

    static final ObjectMapper JSON = new ObjectMapper();

    public Workload {
        cases = cases.stream().sorted(Comparator.comparing(LoggedCase::start)).toList();
        notes = List.copyOf(notes);
    }

    public static Workload of(String name, ObjectNode timeline, List<LoggedCase> cases, List<String> notes) {
        return new Workload(name, timeline, versionOf(timeline), cases, notes);
    }

    public String agency() {
        return timeline.path("agency").asText();
    }

    public String serviceCode() {
        return timeline.path("code").asText();
    }

    public WorkingCalendar calendar() {
        return version.definition().calendar();
    }

    /** The first four fifths by first event: what the naive baseline (and any plan) may learn from. */
    public List<LoggedCase> training() {
        return cases.subList(0, cases.size() - testSize());
    }

    /** The last fifth by first event. */
    public List<LoggedCase> test() {
        return cases.subList(cases.size() - testSize(), cases.size());
    }

    private int testSize() {
        return cases.size() / 5;
    }

    public Instant lastEvent() {
        return cases.stream().map(LoggedCase::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The version Tamroi will follow, read from the same document it is sent. */
    static ServiceVersion versionOf(ObjectNode timeline) {
        try {
            TimelineDocument doc = JSON.treeToValue(timeline, TimelineDocument.class);
            ServiceDefinition definition = doc.toDefinition(timeline.path("code").asText(), Workload::sharedCalendar);
            return new ServiceVersion(definition, 1, Instant.EPOCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar kept in {@code config/calendars}, as Tamroi resolves the names there. */
    static Optional<WorkingCalendar> sharedCalendar(String name) {
        Path file = Path.of("config", "calendars", name + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(TimelineDocument.calendarFrom(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
