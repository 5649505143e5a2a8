package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.Tokens;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A timeline that cannot be kept is refused with what to fix, and no version is published. */
@QuarkusTest
class BadTimelinesIT {

    static final String AGENCY = "bad-timelines";

    static Arguments bad(String name, String detail, Consumer<ObjectNode> spoil) {
        return Arguments.of(name, detail, spoil);
    }

    static ObjectNode step(ObjectNode timeline, int i) {
        return (ObjectNode) timeline.get("steps").get(i);
    }

    static ObjectNode calendar(ObjectNode timeline) {
        return (ObjectNode) timeline.get("calendar");
    }

    static Stream<Arguments> badTimelines() {
        return Stream.of(
                bad("no steps", "at least one step", t -> t.putArray("steps")),
                bad("duplicate step codes", "appears twice", t -> step(t, 1).put("code", step(t, 0).get("code").asText())),
                bad("zero target", "not a duration", t -> step(t, 0).put("target", "0d")),
                bad("negative target", "not a duration", t -> step(t, 0).put("target", "-1d")),
                bad("unparsable target", "not a duration", t -> step(t, 0).put("target", "two days")),
                bad("zero promise", "not a duration", t -> t.put("promise", "0h")),
                bad("unparsable promise", "not a duration", t -> t.put("promise", "soon")),
                bad("unknown zone", "unknown time zone", t -> calendar(t).put("zone", "Mars/Olympus")),
                bad("name over 200", "longer than 200 characters", t -> ((ObjectNode) t.get("name")).put("th", "ก".repeat(201))),
                bad("step name over 200", "longer than 200 characters", t -> ((ObjectNode) step(t, 0).get("name")).put("en", "s".repeat(201))),
                bad("unknown weekday", "unknown weekday", t -> ((ArrayNode) calendar(t).get("workingDays")).add("FUNDAY")),
                bad("working hours end before start", "must end after they start",
                        t -> calendar(t).putObject("workingHours").put("start", "16:30").put("end", "08:30")),
                bad("ahead fraction above 1", "aheadFraction must be between 0 and 1", t -> t.put("aheadFraction", 1.5)),
                bad("at-risk fraction below 0", "atRiskFraction must be between 0 and 1", t -> t.put("atRiskFraction", -0.1)),
                bad("unknown shared calendar", "no shared calendar", t -> t.put("calendar", "no-such-calendar")),
                bad("unknown owner", "AGENCY or CITIZEN", t -> step(t, 0).put("owner", "ROBOT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTimelines")
    void aBadTimelineIsRefusedAndNothingIsPublished(String name, String detail, Consumer<ObjectNode> spoil) {
        String code = "bt-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode timeline = StatusFixtures.timeline("company-registration", AGENCY).put("code", code);
        spoil.accept(timeline);
        Api.publish(AGENCY, timeline).then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString(detail));
        given().get("/api/v1/services/{code}", code).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().header("Authorization", Tokens.bearer(AGENCY, "timeline-editor"))
                .contentType("application/json").body("{\"code\": \"x\", ")
                .put("/api/v1/services/x").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theSameTimelineAgainPublishesNoNewVersion() {
        String code = "bt-same-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code);
        Api.publish(AGENCY, timeline).then().statusCode(201).body("version", equalTo(1));
        Api.publish(AGENCY, timeline).then().statusCode(200).body("version", equalTo(1));
        timeline.put("aheadFraction", 0.1);
        Api.publish(AGENCY, timeline).then().statusCode(200).body("version", equalTo(1));
        timeline.put("promise", "7d");
        Api.publish(AGENCY, timeline).then().statusCode(201).body("version", equalTo(2));
    }
}
