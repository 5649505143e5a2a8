package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import app.tamroi.support.Api;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.StoreRefusal;
import app.tamroi.support.Tokens;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The holes an attacker found with one agency's ordinary token, each replayed exactly as it was
 * found: none of them may take Tamroi down for anyone, hold a CPU, or be answered as an outage.
 */
@QuarkusTest
class HostileInputIT {

    static final String AGENCY = "hostile";

    @Inject
    AgroalDataSource dataSource;

    static String service() {
        return "h-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode publishService() {
        ObjectNode timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", service());
        Api.publish(AGENCY, timeline).then().statusCode(201);
        return timeline;
    }

    static Response putRaw(String code, String body) {
        return given().header("Authorization", Tokens.bearer(AGENCY, "timeline-editor"))
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/services/{code}", code);
    }

    static Response postRaw(byte[] body) {
        return given().header("Authorization", Tokens.bearer(AGENCY, "event-publisher"))
                .contentType("application/cloudevents+json").body(body).post("/api/v1/events");
    }

    static ObjectNode submitted(String service, String subject) {
        return Api.event("e-" + UUID.randomUUID(), "tamroi.application.submitted", subject,
                Instant.now().minus(2, ChronoUnit.HOURS).toString(), service, null);
    }

    @Test
    void aFractionThatCouldNotBeReadBackIsRefusedAndEveryServiceStaysReadable() {
        String code = service();
        String body = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).put("aheadFraction", 0.5).toString()
                .replace("\"aheadFraction\":0.5", "\"aheadFraction\":1e-1500");
        putRaw(code, body).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("decimals"));
        given().get("/api/v1/services").then().statusCode(200);
        given().get("/api/v1/services/{code}", code).then().statusCode(404);
    }

    @Test
    void aStoredVersionThatCannotBeReadHurtsOnlyItsOwnService() throws SQLException {
        ObjectNode healthy = publishService();
        String healthyCode = healthy.get("code").asText();
        String healthySubject = "healthy-" + UUID.randomUUID();
        String healthyTracking = Api.postEvent(AGENCY, submitted(healthyCode, healthySubject)).then().statusCode(200)
                .extract().path("trackingCode");
        ObjectNode doomed = publishService();
        String doomedCode = doomed.get("code").asText();
        String doomedTracking = Api.postEvent(AGENCY, submitted(doomedCode, "doomed-" + UUID.randomUUID())).then()
                .statusCode(200).extract().path("trackingCode");

        // as an older Tamroi stored it, or a hand edit left it: jsonb expands the number to 1,502 characters
        String unreadable = doomed.deepCopy().put("aheadFraction", 0.5).toString()
                .replace("\"aheadFraction\":0.5", "\"aheadFraction\":1e-1500").replace("\"steps\"", "\"stepz\"");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update service_version set definition = cast(? as jsonb) where service_code = ?")) {
            ps.setString(1, unreadable);
            ps.setString(2, doomedCode);
            ps.executeUpdate();
        }
        publishService(); // publishing reloads the catalogue on this instance

        given().get("/api/v1/services").then().statusCode(200)
                .body("code", hasItem(healthyCode)).body("code", not(hasItem(doomedCode)));
        given().get("/api/v1/track/{code}", healthyTracking).then().statusCode(200).body("status", equalTo("ON_TRACK"));
        given().get("/api/v1/track/{code}", doomedTracking).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("type", containsString("status-not-computable"));
        given().get("/track/{code}", doomedTracking).then().statusCode(422)
                .contentType(startsWith("text/html")).body(containsString("ยังแสดงสถานะของคำขอนี้ไม่ได้"));
        given().get("/track/{code}", healthyTracking).then().statusCode(200);
        Api.postEvent(AGENCY, submitted(healthyCode, "after-" + UUID.randomUUID())).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000-01-01T00:00:00Z", "+99999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"})
    void anAsOfFarOutsideTheServicesLifeIsRefusedAtOnce(String asOf) {
        String code = publishService().get("code").asText();
        String subject = "asof-" + UUID.randomUUID();
        Api.postEvent(AGENCY, submitted(code, subject)).then().statusCode(200);
        Api.agencyView(AGENCY, subject, asOf).then().time(lessThan(1000L))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", containsString("instant-out-of-range"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z"})
    void anEventTimedBefore1970IsRefusedAsBadDataNotAsAnOutage(String time) {
        String code = publishService().get("code").asText();
        String subject = "early-" + UUID.randomUUID();
        Api.postEvent(AGENCY, submitted(code, subject).put("time", time)).then()
                .statusCode(422).body("detail", containsString("lies before"));
        Api.agencyView(AGENCY, subject, null).then().statusCode(404);
    }

    @Test
    void anEventTimedAtTheEndOfTimeIsRefused() {
        String code = publishService().get("code").asText();
        Api.postEvent(AGENCY, submitted(code, "late-" + UUID.randomUUID()).put("time", "+999999999-12-31T23:59:59Z"))
                .then().statusCode(422).body("detail", containsString("ahead of this server's clock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "id", "source", "publicNote"})
    void aNulInAnyTextRejectsThatEventAloneAndTheRestOfItsBatchIsStored(String field) {
        String code = publishService().get("code").asText();
        String good1 = "nul-good1-" + UUID.randomUUID();
        String good2 = "nul-good2-" + UUID.randomUUID();
        ObjectNode bad = submitted(code, "nul-bad-" + UUID.randomUUID());
        if (field.equals("publicNote")) {
            ((ObjectNode) bad.get("data")).put("publicNote", "a\u0000b");
        } else {
            bad.put(field, bad.get(field).asText() + "\u0000");
        }
        ArrayNode batch = StatusFixtures.JSON.createArrayNode().add(submitted(code, good1)).add(bad).add(submitted(code, good2));
        Api.postBatch(AGENCY, batch).then().statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"))
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.detail", containsString("U+0000"))
                .body("results[2].outcome", equalTo("APPLIED"));
        Api.agencyView(AGENCY, good1, null).then().statusCode(200);
        Api.agencyView(AGENCY, good2, null).then().statusCode(200);
    }

    @Test
    void anEventTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsBatchIsStored() {
        String code = publishService().get("code").asText();
        String good1 = "store-good1-" + UUID.randomUUID();
        String good2 = "store-good2-" + UUID.randomUUID();
        ObjectNode refused = submitted(code, "store-bad-" + UUID.randomUUID());
        ((ObjectNode) refused.get("data")).put("publicNote", StoreRefusal.MARK);
        try (StoreRefusal ignored = StoreRefusal.install(dataSource)) {
            Api.postBatch(AGENCY, StatusFixtures.JSON.createArrayNode().add(submitted(code, good1)).add(refused)
                            .add(submitted(code, good2))).then().statusCode(200)
                    .body("results[0].outcome", equalTo("APPLIED"))
                    .body("results[1].outcome", equalTo("REJECTED"))
                    .body("results[1].problem.status", equalTo(422))
                    .body("results[1].problem.detail", containsString("SQL state 22023"))
                    .body("results[2].outcome", equalTo("APPLIED"));
            Api.postEvent(AGENCY, refused).then().statusCode(422).contentType(startsWith("application/problem+json"));
        }
        Api.agencyView(AGENCY, good1, null).then().statusCode(200);
        Api.agencyView(AGENCY, good2, null).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999d", "999999d", "1001d", "24001h"})
    void aPromiseOfMoreThanAFewWorkingYearsIsRefused(String promise) {
        String code = service();
        putRaw(code, StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).put("promise", promise).toString())
                .then().statusCode(400).body("detail", containsString("longer than 1000 working days"));
    }

    @Test
    void theLongestPromiseAcceptedIsStillComputedForEveryRead() {
        String code = service();
        ObjectNode timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).put("promise", "1000d");
        ((ObjectNode) timeline.get("steps").get(0)).put("target", "990d");
        Api.publish(AGENCY, timeline).then().statusCode(201);
        String subject = "long-" + UUID.randomUUID();
        String tracking = Api.postEvent(AGENCY, submitted(code, subject)).then().statusCode(200).extract().path("trackingCode");
        given().get("/api/v1/track/{code}", tracking).then().statusCode(200).body("status", equalTo("ON_TRACK"));
        given().get("/track/{code}", tracking).then().statusCode(200);
        Api.postEvent(AGENCY, Api.event("n-" + UUID.randomUUID(), "tamroi.step.completed", subject,
                Instant.now().minus(1, ChronoUnit.HOURS).toString(), code, "received")).then().statusCode(200);
    }

    @Test
    void anEventTimedAMinuteAheadOnTheLongestTimelineStillReadsOnceItsMinuteHasPassed() {
        String code = service();
        ObjectNode timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).put("promise", "1000d");
        ((ObjectNode) timeline.get("steps").get(1)).put("target", "900d");
        Api.publish(AGENCY, timeline).then().statusCode(201);
        String subject = "ahead-" + UUID.randomUUID();
        Instant now = Instant.now();
        String tracking = Api.postEvent(AGENCY, submitted(code, subject)).then().statusCode(200).extract().path("trackingCode");
        Api.postEvent(AGENCY, Api.event("m-" + UUID.randomUUID(), "tamroi.step.completed", subject,
                now.plus(1, ChronoUnit.MINUTES).toString(), code, "received")).then().statusCode(200);
        given().get("/track/{code}", tracking).then().statusCode(200);
        try {
            ServerClock.setTo(now.plus(2, ChronoUnit.MINUTES));
            given().get("/track/{code}", tracking).then().statusCode(200);
            given().get("/api/v1/track/{code}", tracking).then().statusCode(200).body("currentStep", equalTo("verification"));
        } finally {
            ServerClock.reset();
        }
    }

    @Test
    void aLoneSurrogateInASubjectIsRefusedNotStoredAsAQuestionMark() {
        String code = publishService().get("code").asText();
        String subject = "sur-" + UUID.randomUUID();
        String body = submitted(code, subject).toString().replace("\"subject\":\"sur-", "\"subject\":\"\\ud800sur-");
        postRaw(body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("detail", containsString("lone surrogate"));
        Api.agencyView(AGENCY, "?" + subject, null).then().statusCode(404);
    }

    @Test
    void aNulOrALoneSurrogateInAServiceNameIsRefusedAndPublishesNothing() {
        String code = service();
        String withNul = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).toString()
                .replace("\"th\":\"pit-refund\"", "\"th\":\"pit\\u0000refund\"");
        putRaw(code, withNul).then().statusCode(400).body("detail", containsString("U+0000"));
        String withSurrogate = withNul.replace("\\u0000", "\\udc00");
        putRaw(code, withSurrogate).then().statusCode(400).body("detail", containsString("lone surrogate"));
        putRaw(code, withSurrogate).then().statusCode(400);
        given().get("/api/v1/services/{code}", code).then().statusCode(404);
    }

    @Test
    void jsonWithAKeyGivenTwiceIsRefused() {
        String code = publishService().get("code").asText();
        String subject = "dup-" + UUID.randomUUID();
        String body = submitted(code, subject).toString().replaceFirst("\\{", "{\"subject\":\"someone-else\",");
        postRaw(body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("detail", containsString("Duplicate field"));
        String timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code).toString()
                .replaceFirst("\\{", "{\"promise\":\"1d\",");
        putRaw(code, timeline).then().statusCode(400).body("detail", containsString("Duplicate field"));
    }

    @Test
    void bytesThatAreNotStrictUtf8AreRefused() {
        String code = publishService().get("code").asText();
        String json = submitted(code, "utf-" + UUID.randomUUID()).toString();
        byte[] withOverlongSlash = new byte[json.length() + 1];
        int colon = json.indexOf("urn:test:") + "urn:test".length();
        byte[] ascii = json.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, withOverlongSlash, 0, colon);
        withOverlongSlash[colon] = (byte) 0xC0;
        withOverlongSlash[colon + 1] = (byte) 0xBA; // ':' in two bytes, which UTF-8 forbids
        System.arraycopy(ascii, colon + 1, withOverlongSlash, colon + 2, ascii.length - colon - 1);
        postRaw(withOverlongSlash).then().statusCode(400).body("detail", containsString("not UTF-8"));
        postRaw(json.getBytes(StandardCharsets.UTF_16)).then().statusCode(400).body("detail", containsString("not UTF-8"));
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeItIsWalked() {
        byte[] body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
        given().header("Authorization", Tokens.bearer(AGENCY, "event-publisher"))
                .contentType("application/cloudevents-batch+json").body(body).post("/api/v1/events").then()
                .statusCode(400).body("detail", containsString("nesting depth"));
    }
}
