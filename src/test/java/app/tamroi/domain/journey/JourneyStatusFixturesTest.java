package app.tamroi.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.journey.JourneyStatus.Outcome;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.StatusFixtures.Case;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared vector, reproduced exactly by the status rule itself. */
class JourneyStatusFixturesTest {

    static Stream<Case> cases() {
        return StatusFixtures.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheSharedVector(Case c) {
        JourneyStatus status = JourneyStatus.of(StatusFixtures.version(c.service()), events(c), c.now());
        Map<String, Object> actual = FixtureView.of(status);
        assertTrue(c.expected().size() > 0, "a vector expects something");
        c.expected().fields().forEachRemaining(field ->
                assertEquals(expected(field.getValue()), actual.get(field.getKey()), c.name() + ": " + field.getKey()));
    }

    static List<StepEvent> events(Case c) {
        List<StepEvent> events = new ArrayList<>();
        long arrival = 0;
        for (JsonNode e : c.events()) {
            String wire = StatusFixtures.wireTypes().get(e.path("type").asText());
            StepEventType type = StepEventType.fromCloudEventType(wire).orElseThrow();
            events.add(StepEvent.of(type, e.hasNonNull("step") ? e.get("step").asText() : null,
                    StatusFixtures.instant(e.path("time").asText()), arrival++));
        }
        return events;
    }

    private static Object expected(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        String text = v.asText();
        return text.contains("T") && text.length() > 18 ? StatusFixtures.instant(text) : text;
    }

    /** The status in the fixture's vocabulary, so a vector compares field by field. */
    static final class FixtureView {
        static Map<String, Object> of(JourneyStatus s) {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("status", s.status().name());
            m.put("scheduleStatus", s.schedule().status().name());
            m.put("atRisk", s.schedule().atRisk());
            m.put("currentStep", s.currentStep().map(c -> c.step().code()).orElse(null));
            m.put("elapsedMinutes", s.clock().elapsedMinutes());
            m.put("promiseMinutes", s.clock().promiseMinutes());
            m.put("minutesInCurrentStep", s.minutesInCurrentStep());
            m.put("remainingMinutes", s.schedule().remainingMinutes());
            m.put("slackMinutes", s.schedule().slackMinutes());
            m.put("expectedBy", s.schedule().expectedBy().orElse(null));
            m.put("promisedBy", s.schedule().promisedBy().orElse(null));
            m.put("varianceMinutes", s.outcome().map(Outcome::varianceMinutes).orElse(null));
            return m;
        }
    }
}
