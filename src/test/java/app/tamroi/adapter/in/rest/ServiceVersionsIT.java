package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An application keeps the timeline it was submitted under, whatever is published after. */
@QuarkusTest
class ServiceVersionsIT {

    static final String AGENCY = "versions-agency";

    @Test
    void anApplicationKeepsItsVersionWhenANewOneIsPublished() {
        String code = "sv-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode v1 = StatusFixtures.timeline("pit-refund", AGENCY).put("code", code);
        Api.publish(AGENCY, v1).then().statusCode(201).body("version", equalTo(1));
        String early = "early-" + code;
        Api.postEvent(AGENCY, Api.event("s1-" + code, "tamroi.application.submitted", early,
                Instant.now().minus(1, ChronoUnit.MINUTES).toString(), code, null)).then().statusCode(200);

        ObjectNode v2 = v1.deepCopy();
        v2.put("promise", "7d");
        ObjectNode audit = ((ArrayNode) v2.get("steps")).addObject().put("code", "audit").put("target", "1d");
        audit.putObject("name").put("en", "Audit").put("th", "ตรวจสอบภายใน");
        Api.publish(AGENCY, v2).then().statusCode(201).body("version", equalTo(2));
        String late = "late-" + code;
        Api.postEvent(AGENCY, Api.event("s2-" + code, "tamroi.application.submitted", late,
                Instant.now().toString(), code, null)).then().statusCode(200);

        Api.agencyView(AGENCY, early, null).then().statusCode(200)
                .body("status.service.version", equalTo(1))
                .body("status.promiseMinutes", equalTo(6 * 1440))
                .body("status.steps", hasSize(4));
        Api.agencyView(AGENCY, late, null).then().statusCode(200)
                .body("status.service.version", equalTo(2))
                .body("status.promiseMinutes", equalTo(7 * 1440))
                .body("status.steps", hasSize(5));

        given().get("/api/v1/services/{code}", code).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/services/{code}/versions/1", code).then().statusCode(200)
                .body("definition.promise", equalTo("6d")).body("definition.steps", hasSize(4));
        given().get("/api/v1/services/{code}/versions/3", code).then().statusCode(404);
        given().get("/api/v1/services").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.currentVersion", equalTo(2));
    }
}
