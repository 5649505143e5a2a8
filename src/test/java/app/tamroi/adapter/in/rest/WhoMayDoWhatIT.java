package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected endpoint: no token is 401, a token of another agency or without the right
 * group is 403, and in neither case does anything change.
 */
@QuarkusTest
class WhoMayDoWhatIT {

    static final String OWNER = "owner-agency";
    static final String OTHER = "other-agency";
    static final String SERVICE = "auth-pit-refund";
    static final String SUBJECT = "auth-subject";

    @BeforeEach
    void anApplicationExists() {
        Api.publish(OWNER, StatusFixtures.timeline("pit-refund", OWNER).put("code", SERVICE));
        Api.postEvent(OWNER, Api.event("auth-s", "tamroi.application.submitted", SUBJECT,
                Instant.now().minus(3, ChronoUnit.HOURS).toString(), SERVICE, null));
    }

    record Endpoint(String name, String group, BiFunction<RequestSpecification, String, io.restassured.response.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("publish a timeline", "timeline-editor", (r, marker) -> r.contentType("application/json")
                        .body(StatusFixtures.timeline("pit-refund", OWNER).put("code", SERVICE).put("promise", "9d").toString())
                        .put("/api/v1/services/{code}", SERVICE)),
                new Endpoint("post one event", "event-publisher", (r, marker) -> r.contentType("application/cloudevents+json")
                        .body(completion(marker).toString()).post("/api/v1/events")),
                new Endpoint("post a batch", "event-publisher", (r, marker) -> r.contentType("application/cloudevents-batch+json")
                        .body("[" + completion(marker) + "]").post("/api/v1/events")),
                new Endpoint("read the agency view", "agency-viewer", (r, marker) ->
                        r.get("/api/v1/agencies/{agency}/applications/{subject}", OWNER, SUBJECT)));
    }

    static com.fasterxml.jackson.databind.node.ObjectNode completion(String marker) {
        return Api.event(marker, "tamroi.step.completed", SUBJECT, Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                SERVICE, "received");
    }

    static Stream<Arguments> refusals() {
        return endpoints().flatMap(e -> Stream.of(
                Arguments.of(e, "no token", null, 401),
                Arguments.of(e, "a garbage token", "Bearer not.a.jwt", 401),
                Arguments.of(e, "another agency's token", Tokens.bearer(OTHER, "all"), 403),
                Arguments.of(e, "the owner's token without the group", Tokens.bearer(OWNER, "some-other-group"), 403)));
    }

    @ParameterizedTest(name = "{0} with {1}: {3}")
    @MethodSource("refusals")
    void refusedAndNothingChanges(Endpoint endpoint, String who, String authorization, int status) {
        String marker = "auth-" + UUID.randomUUID();
        RequestSpecification request = given();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        var response = endpoint.call().apply(request, marker);
        response.then().statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status));
        // the event was not kept and the timeline not changed
        Api.agencyView(OWNER, SUBJECT, null).then().statusCode(200)
                .body("events.findAll { it.id == '" + marker + "' }.size()", equalTo(0))
                .body("status.currentStep", equalTo("received"));
        given().get("/api/v1/services/{code}", SERVICE).then().statusCode(200).body("version", equalTo(1));
    }
}
