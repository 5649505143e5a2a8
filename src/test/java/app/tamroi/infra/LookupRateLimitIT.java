package app.tamroi.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that looks up codes faster than a person would is slowed down, wherever it looks them
 * up, and told when it may go on; everyone else is not. Its own profile (and so its own Quarkus
 * start) gives a burst small enough to use up.
 */
@QuarkusTest
@TestProfile(LookupRateLimitIT.SmallAllowance.class)
class LookupRateLimitIT {

    static final int BURST = 3;

    public static class SmallAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tamroi.limits.lookups.burst", Integer.toString(BURST),
                    "tamroi.limits.lookups.per-minute", "1");
        }
    }

    @TestHTTPResource("/")
    URL server;

    @Test
    void aClientOverItsAllowanceIsToldToWaitOnEveryLookupPathButOthersAreNot() throws IOException {
        for (int i = 0; i < BURST; i++) {
            given().get("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8" + i).then().statusCode(404);
        }

        Response api = given().get("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8B");
        api.then().statusCode(429).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(429))
                .header("Cache-Control", "no-store");
        long retryAfter = Long.parseLong(api.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "one lookup a minute comes back within a minute: " + retryAfter);

        Response page = given().get("/track/{code}", "7KQ2-M9XD-R4TB-8B");
        page.then().statusCode(429).contentType(containsString("text/html;charset=UTF-8"))
                .body(containsString("มีการค้นหาจากการเชื่อมต่อของท่านมากเกินไป"))
                .body(containsString("โปรดรอ " + page.header("Retry-After") + " วินาที"));
        given().queryParam("lang", "en").get("/track/{code}", "7KQ2-M9XD-R4TB-8B").then().statusCode(429)
                .body(containsString("Too many lookups from your connection"));
        given().redirects().follow(false).queryParam("code", "7KQ2-M9XD-R4TB-8B").get("/track").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.9").get("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8B")
                .then().statusCode(429);

        given().get("/track").then().statusCode(200).body(containsString("name=\"code\""));
        assertEquals("HTTP/1.1 404", lookUpFrom("127.0.0.2", "/api/v1/track/7KQ2-M9XD-R4TB-8B"),
                "another client still has its own allowance");
    }

    /** A lookup from another loopback address: another client, as far as the server can tell. */
    private String lookUpFrom(String address, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: tamroi\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, Math.min(12, answer.length()));
        }
    }
}
