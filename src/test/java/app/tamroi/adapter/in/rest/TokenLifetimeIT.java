package app.tamroi.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A token that is signed correctly is still refused when it was made to last too long or to be
 * used later: a leaked or forged token stays useful for a day at most. An unknown application
 * answers 404, which shows the token itself was accepted.
 */
@QuarkusTest
class TokenLifetimeIT {

    static final String AGENCY = "lifetime-agency";

    @Test
    void aTokenValidForTenYearsIsRefused() {
        Instant now = Instant.now();
        readWith(token(now, now.plus(Duration.ofDays(3653))))
                .statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(401));
    }

    @Test
    void aTokenIssuedThirtyDaysAheadIsRefused() {
        Instant issued = Instant.now().plus(Duration.ofDays(30));
        readWith(token(issued, issued.plus(Duration.ofHours(1))))
                .statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(401));
    }

    @Test
    void aTokenIssuedThirtySecondsAheadIsAccepted() {
        Instant issued = Instant.now().plusSeconds(30);
        readWith(token(issued, issued.plus(Duration.ofHours(1)))).statusCode(404);
    }

    @Test
    void aTokenValidForADayIsAccepted() {
        Instant now = Instant.now();
        readWith(token(now, now.plus(Duration.ofHours(24)))).statusCode(404);
    }

    private static ValidatableResponse readWith(String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/api/v1/agencies/{agency}/applications/{subject}", AGENCY, "no-such-application")
                .then();
    }

    /** Signed with the tests' key (the demo key of the test profile), as the agency's provider would. */
    private static String token(Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer("https://tamroi.local")
                .upn("officer@" + AGENCY)
                .groups(Set.of("agency-viewer"))
                .claim("agency", AGENCY)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign();
    }
}
