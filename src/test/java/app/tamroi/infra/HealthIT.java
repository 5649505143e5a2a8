package app.tamroi.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * An orchestrator can tell whether Tamroi can take traffic: PostgreSQL and the broker are checked.
 * Health answers on the management port, which the public never reaches.
 */
@QuarkusTest
class HealthIT {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void readyWhenTheDatabaseAndTheBrokerAnswer() {
        given().get(ready).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theHomeAddressLeadsToTheTrackingForm() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", equalTo("/track"));
    }

    @Test
    void aliveWhileTheProcessRuns() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }
}
