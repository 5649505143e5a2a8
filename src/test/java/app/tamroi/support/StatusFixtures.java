package app.tamroi.support;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.adapter.in.json.TimelineDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared journey-status vectors, read from the copy in test resources. */
public final class StatusFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ROOT = load();

    public record Case(String name, String service, Instant now, List<JsonNode> events, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private StatusFixtures() {
    }

    private static JsonNode load() {
        try (InputStream in = StatusFixtures.class.getResourceAsStream("/fixtures/journey-status-cases.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : ROOT.path("cases")) {
            List<JsonNode> events = new ArrayList<>();
            c.path("events").forEach(events::add);
            cases.add(new Case(c.path("name").asText(), c.path("service").asText(),
                    instant(c.path("now").asText()), events, c.path("expected")));
        }
        return cases;
    }

    public static List<String> serviceCodes() {
        List<String> codes = new ArrayList<>();
        ROOT.path("services").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /**
     * The fixture's service as a full timeline document: the fixtures leave out what the status
     * rule does not read (agency, names), so a test agency and plain names are filled in.
     */
    public static ObjectNode timeline(String code, String agency) {
        ObjectNode doc = ROOT.path("services").path(code).deepCopy();
        doc.put("code", code);
        doc.put("agency", agency);
        doc.putObject("name").put("en", code).put("th", code);
        for (JsonNode step : doc.path("steps")) {
            ((ObjectNode) step).putObject("name").put("en", step.path("code").asText());
        }
        return doc;
    }

    public static ServiceVersion version(String code) {
        try {
            TimelineDocument doc = JSON.treeToValue(timeline(code, "test"), TimelineDocument.class);
            ServiceDefinition definition = doc.toDefinition(code, name -> Optional.empty());
            return new ServiceVersion(definition, 1, Instant.parse("2026-01-01T00:00:00Z"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    public static Map<String, String> wireTypes() {
        return Map.of("submitted", "tamroi.application.submitted", "paused", "tamroi.application.paused",
                "resumed", "tamroi.application.resumed", "completed", "tamroi.application.completed",
                "rejected", "tamroi.application.rejected", "withdrawn", "tamroi.application.withdrawn",
                "step.started", "tamroi.step.started", "step.completed", "tamroi.step.completed");
    }

}
