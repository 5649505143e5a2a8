package app.tamroi.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An orchestrator can tell whether Tamroi can take traffic: PostgreSQL and the broker are checked. */
@QuarkusTest
class HealthIT {

    @Test
    void readyWhenTheDatabaseAndTheBrokerAnswer() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theHomeAddressLeadsToTheTrackingForm() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/track"));
    }

    @Test
    void aliveWhileTheProcessRuns() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
