package app.tamroi.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.StatusFixtures.Case;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared vector through the real path: the timeline published over HTTP, each event posted
 * in its arrival order, the status read back from PostgreSQL by the agency as of the vector's now.
 */
@QuarkusTest
class StatusRuleOverHttpIT {

    static final String AGENCY = "fixtures";

    static List<Case> cases() {
        return StatusFixtures.cases();
    }

    static String serviceCode(String fixtureCode) {
        return "fx-" + fixtureCode;
    }

    /** Publishing the same timeline again makes no new version, so each vector may ensure it. */
    static void publish(String fixtureCode) {
        var timeline = StatusFixtures.timeline(fixtureCode, AGENCY).put("code", serviceCode(fixtureCode));
        int status = Api.publish(AGENCY, timeline).statusCode();
        assertTrue(status == 200 || status == 201, "published " + fixtureCode + ": " + status);
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheSharedVector(Case c) {
        publish(c.service());
        String subject = "vector-" + Math.abs(c.name().hashCode());
        int n = 0;
        // events must not lie in the server's future, and some vectors are dated after today
        ServerClock.setTo(c.now());
        for (JsonNode e : c.events()) {
            String type = StatusFixtures.wireTypes().get(e.path("type").asText());
            String step = e.hasNonNull("step") ? e.get("step").asText() : null;
            Api.postEvent(AGENCY, Api.event(subject + "-" + n++, type, subject, e.path("time").asText(),
                    serviceCode(c.service()), step)).then().statusCode(200);
        }
        ServerClock.reset();
        JsonPath view = Api.agencyView(AGENCY, subject, c.now().toString()).then().statusCode(200).extract().jsonPath();
        Map<String, Object> status = view.getMap("status");
        c.expected().fields().forEachRemaining(field -> {
            JsonNode expected = field.getValue();
            Object actual = status.get(field.getKey());
            Object want = expected.isNull() ? null
                    : expected.isBoolean() ? (Object) expected.asBoolean()
                    : expected.isIntegralNumber() ? (Object) expected.asInt()
                    : expected.asText();
            assertEquals(want, actual instanceof Long l ? (Object) l.intValue() : actual, c.name() + ": " + field.getKey());
        });
    }
}
