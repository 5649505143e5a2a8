package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two agencies on one Tamroi, one of them hostile: nothing the hostile one sends (reused event ids
 * and sources, a squatted service code, timelines built to break things) changes what the other
 * sends, sees or is answered, and no answer to it ever carries the other's tracking codes or notes.
 */
@QuarkusTest
class TwoAgenciesIT {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String honest = "honest-" + run;
    final String hostile = "hostile-" + run;
    final String honestService = "hs-" + run;
    final String hostileService = "xs-" + run;
    /** Everything the hostile agency was answered, to look for the honest agency's data in. */
    final List<String> answersToHostile = new ArrayList<>();

    static ObjectNode event(String id, String source, String type, String subject, String service, String step, String note) {
        ObjectNode e = Api.event(id, type, subject, Instant.now().minus(3, ChronoUnit.HOURS).plusSeconds(id.length()).toString(),
                service, step).put("source", source);
        if (note != null) {
            ((ObjectNode) e.get("data")).put("publicNote", note);
        }
        return e;
    }

    Response asHostile(Response response) {
        answersToHostile.add(response.asString());
        return response;
    }

    @Test
    void nothingTheHostileAgencySendsReachesTheHonestOne() {
        Api.publish(honest, StatusFixtures.timeline("pit-refund", honest).put("code", honestService)).then().statusCode(201);
        Api.publish(hostile, StatusFixtures.timeline("pit-refund", hostile).put("code", hostileService)).then().statusCode(201);

        // the honest agency's back office, using a source and ids the hostile one will copy
        String source = "urn:shared:back-office";
        String subject = "A-" + run;
        String note = "your documents arrived (honest " + run + ")";
        String honestCode = Api.postEvent(honest, event("e1-" + run, source, "tamroi.application.submitted", subject,
                honestService, null, null)).then().statusCode(200).body("outcome", equalTo("APPLIED")).extract().path("trackingCode");
        Api.postEvent(honest, event("e2-" + run, source, "tamroi.step.completed", subject, honestService, "received", note))
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        String before = honestView(subject);

        // the same source and id, resent by the hostile agency under its own service: its own event, not a duplicate
        String copiedCode = asHostile(Api.postEvent(hostile, event("e1-" + run, source, "tamroi.application.submitted",
                subject, hostileService, null, null))).then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).extract().path("trackingCode");
        assertNotEquals(honestCode, copiedCode);

        // an id the hostile agency uses first must not block the honest agency's real event
        asHostile(Api.postEvent(hostile, event("e3-" + run, source, "tamroi.application.submitted", "B-" + run,
                hostileService, null, "hostile note " + run))).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        String laterCode = Api.postEvent(honest, event("e3-" + run, source, "tamroi.application.submitted", "B-" + run,
                honestService, null, null)).then().statusCode(200).body("outcome", equalTo("APPLIED"))
                .extract().path("trackingCode");
        given().get("/api/v1/track/{code}", laterCode).then().statusCode(200)
                .body("service.code", equalTo(honestService)).body("publicNote", not(equalTo("hostile note " + run)));

        // events for the honest agency's service, and a batch mixing them with its own
        asHostile(Api.postEvent(hostile, event("e4-" + run, source, "tamroi.application.rejected", subject,
                honestService, null, "rejected by someone else"))).then().statusCode(403);
        asHostile(Api.postBatch(hostile, StatusFixtures.JSON.createArrayNode()
                .add(event("e5-" + run, source, "tamroi.application.withdrawn", subject, honestService, null, null))
                .add(event("e6-" + run, source, "tamroi.step.completed", subject, hostileService, "received", null))))
                .then().statusCode(200).body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].problem.status", equalTo(403)).body("results[1].outcome", equalTo("APPLIED"));

        // squatting the honest agency's service code, and timelines built to break the catalogue
        ObjectNode squat = StatusFixtures.timeline("pit-refund", hostile).put("code", honestService).put("promise", "1d");
        asHostile(Api.publish(hostile, squat)).then().statusCode(403);
        squat.put("agency", honest);
        asHostile(Api.publish(hostile, squat)).then().statusCode(403);
        String breaking = StatusFixtures.timeline("pit-refund", hostile).put("code", hostileService).put("aheadFraction", 0.5)
                .toString().replace("\"aheadFraction\":0.5", "\"aheadFraction\":1e-1500");
        asHostile(given().header("Authorization", Tokens.bearer(hostile, "timeline-editor")).contentType("application/json")
                .body(breaking.getBytes(StandardCharsets.UTF_8)).put("/api/v1/services/{code}", hostileService)).then().statusCode(400);
        asHostile(Api.publish(hostile, StatusFixtures.timeline("pit-refund", hostile).put("code", hostileService)
                .put("promise", "999999d"))).then().statusCode(400);

        // reading the honest agency's applications
        asHostile(given().header("Authorization", Tokens.bearer(hostile, "agency-viewer"))
                .get("/api/v1/agencies/{agency}/applications/{subject}", honest, subject)).then().statusCode(403);
        asHostile(Api.agencyView(hostile, subject, null)).then().statusCode(200);

        // the honest agency sees and is answered exactly as before
        assertEquals(before, honestView(subject));
        given().get("/api/v1/services/{code}", honestService).then().statusCode(200).body("version", equalTo(1))
                .body("owner.code", equalTo(honest));
        given().get("/api/v1/track/{code}", honestCode).then().statusCode(200)
                .body("publicNote", equalTo(note)).body("service.code", equalTo(honestService));
        Api.postEvent(honest, event("e1-" + run, source, "tamroi.application.submitted", subject, honestService, null, null))
                .then().statusCode(200).body("outcome", equalTo("DUPLICATE")).body("trackingCode", equalTo(honestCode));

        for (String answer : answersToHostile) {
            assertFalse(answer.contains(honestCode) || answer.contains(laterCode) || answer.contains(note),
                    "an answer to the hostile agency carries the honest agency's data: " + answer);
        }
    }

    private String honestView(String subject) {
        return Api.agencyView(honest, subject, "2026-01-01T00:00:00Z").then().statusCode(200).extract().jsonPath()
                .getList("events").toString();
    }
}
