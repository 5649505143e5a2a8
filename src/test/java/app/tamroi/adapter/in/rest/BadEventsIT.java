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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad event gets problem+json with a reason, and nothing is stored. */
@QuarkusTest
class BadEventsIT {

    static final String AGENCY = "bad-input";
    static final String SERVICE = "bi-pit-refund";

    @BeforeEach
    void publish() {
        Api.publish(AGENCY, StatusFixtures.timeline("pit-refund", AGENCY).put("code", SERVICE));
    }

    static ObjectNode goodEvent(String subject) {
        return Api.event("ev-" + UUID.randomUUID(), "tamroi.application.submitted", subject,
                Instant.now().minus(1, ChronoUnit.HOURS).toString(), SERVICE, null);
    }

    static Arguments bad(String name, int status, String detail, Consumer<ObjectNode> spoil) {
        return Arguments.of(name, status, detail, spoil);
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("missing id", 400, "id is required", e -> e.remove("id")),
                bad("missing source", 400, "source is required", e -> e.remove("source")),
                bad("missing type", 400, "type is required", e -> e.remove("type")),
                bad("missing subject", 400, "subject is required", e -> e.remove("subject")),
                bad("missing time", 400, "time is required", e -> e.remove("time")),
                bad("unknown type", 400, "not a Tamroi step event type", e -> e.put("type", "tamroi.application.teleported")),
                bad("specversion 0.3", 400, "specversion 0.3 is not supported", e -> e.put("specversion", "0.3")),
                bad("no specversion", 400, "specversion is required", e -> e.remove("specversion")),
                bad("unknown service", 422, "no service 'no-such-service'", e -> ((ObjectNode) e.get("data")).put("service", "no-such-service")),
                bad("unknown step", 422, "has no step 'teleport'", e -> {
                    e.put("type", "tamroi.step.started");
                    ((ObjectNode) e.get("data")).put("step", "teleport");
                }),
                bad("step event without step", 400, "data.step", e -> e.put("type", "tamroi.step.completed")),
                bad("time far in the future", 422, "ahead of this server's clock",
                        e -> e.put("time", Instant.now().plus(1, ChronoUnit.HOURS).toString())),
                bad("time not RFC 3339", 400, "not an RFC 3339 timestamp", e -> e.put("time", "yesterday")),
                bad("subject over 128", 400, "subject is longer than 128", e -> e.put("subject", "s".repeat(129))),
                bad("publicNote over 500", 400, "data.publicNote is longer than 500",
                        e -> ((ObjectNode) e.get("data")).put("publicNote", "n".repeat(501))),
                bad("id not a string", 400, "id must be a string", e -> e.put("id", 42)),
                bad("no data", 400, "data is required", e -> e.remove("data")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void aBadEventIsRefusedWithItsReasonAndNothingIsStored(String name, int status, String detail, Consumer<ObjectNode> spoil) {
        String subject = "bad-" + UUID.randomUUID();
        ObjectNode event = goodEvent(subject);
        spoil.accept(event);
        Api.postEvent(AGENCY, event).then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("outcome", equalTo("REJECTED"))
                .body("detail", containsString(detail));
        Api.agencyView(AGENCY, subject, null).then().statusCode(404);
    }

    @Test
    void aStepFromAnotherVersionOfTheServiceIsRefused() {
        String service = "bi-versioned-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode v1 = StatusFixtures.timeline("pit-refund", AGENCY).put("code", service);
        Api.publish(AGENCY, v1).then().statusCode(201);
        String subject = "old-" + UUID.randomUUID();
        Api.postEvent(AGENCY, Api.event("s-" + subject, "tamroi.application.submitted", subject,
                Instant.now().minus(2, ChronoUnit.HOURS).toString(), service, null)).then().statusCode(200);
        ObjectNode v2 = v1.deepCopy();
        ObjectNode extra = ((ArrayNode) v2.get("steps")).addObject().put("code", "audit").put("target", "1d");
        extra.putObject("name").put("en", "Audit");
        Api.publish(AGENCY, v2).then().statusCode(201).body("version", equalTo(2));

        Api.postEvent(AGENCY, Api.event("a-" + subject, "tamroi.step.started", subject,
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(), service, "audit")).then()
                .statusCode(422)
                .body("detail", containsString("version 1 of service '" + service + "' has no step 'audit'"));
        Api.agencyView(AGENCY, subject, null).then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void aResentEventUnderAnotherSubjectIsADuplicateAndCreatesNothing() {
        String subject = "first-" + UUID.randomUUID();
        ObjectNode event = goodEvent(subject);
        String code = Api.postEvent(AGENCY, event).then().statusCode(200).extract().path("trackingCode");
        String other = "second-" + UUID.randomUUID();
        event.put("subject", other);
        Api.postEvent(AGENCY, event).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"))
                .body("trackingCode", equalTo(code));
        Api.agencyView(AGENCY, other, null).then().statusCode(404);
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        Api.postBatch(AGENCY, StatusFixtures.JSON.createArrayNode()).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/events")
    java.net.URI events;

    @Test
    void anEventWithoutAContentTypeIsAnUnsupportedMediaTypeAsTheDocsSay() throws Exception {
        // a client of our own, since REST Assured always sends some content type
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(events)
                        .header("Authorization", Tokens.bearer(AGENCY, "event-publisher"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(goodEvent("no-type-" + UUID.randomUUID()).toString()))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(415, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        given().header("Authorization", Tokens.bearer(AGENCY, "event-publisher"))
                .contentType("application/cloudevents+json").body("{\"id\": ")
                .post("/api/v1/events").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("The body is not valid JSON"));
    }

    @Test
    void aBatchOverAThousandIsRefusedWhole() {
        ArrayNode batch = StatusFixtures.JSON.createArrayNode();
        String subject = "big-" + UUID.randomUUID();
        for (int i = 0; i < 1001; i++) {
            batch.add(goodEvent(subject + "-" + i));
        }
        Api.postBatch(AGENCY, batch).then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("1001"));
        Api.agencyView(AGENCY, subject + "-0", null).then().statusCode(404);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        ObjectNode event = goodEvent("huge-" + UUID.randomUUID());
        event.put("padding", "x".repeat(1024 * 1024));
        Api.postEvent(AGENCY, event).then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("title", containsString("1 MiB"));
    }

    @Test
    void inABatchOnlyTheBadEventIsRejected() {
        String good = "mixed-good-" + UUID.randomUUID();
        ArrayNode batch = StatusFixtures.JSON.createArrayNode();
        batch.add(goodEvent(good));
        ObjectNode bad = goodEvent("mixed-bad-" + UUID.randomUUID());
        bad.put("type", "tamroi.application.exploded");
        batch.add(bad);
        batch.add(batch.get(0).deepCopy());
        Api.postBatch(AGENCY, batch).then().statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"))
                .body("results[0].trackingCode", org.hamcrest.Matchers.notNullValue())
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].problem.detail", containsString("exploded"))
                .body("results[2].outcome", equalTo("DUPLICATE"));
        Api.agencyView(AGENCY, good, null).then().statusCode(200).body("events.size()", equalTo(1));
    }
}
