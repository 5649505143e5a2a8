package app.tamroi.infra;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request that cannot finish (here: its application's row is locked by someone else) is cut at
 * the deadline: the client hears 503 with Retry-After in time, instead of waiting as long as the
 * lock is held, and the same request succeeds once the way is clear.
 */
@QuarkusTest
class RequestDeadlineIT {

    static final String AGENCY = "deadline-agency";
    static final long DEADLINE_MILLIS = 5_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestHeldUpPastTheDeadlineIsAnswered503InTimeAndSucceedsWhenSentAgain() throws Exception {
        String service = "dl-" + UUID.randomUUID().toString().substring(0, 8);
        Api.publish(AGENCY, StatusFixtures.timeline("pit-refund", AGENCY).put("code", service)).then().statusCode(201);
        String subject = "locked-" + UUID.randomUUID();
        Api.postEvent(AGENCY, Api.event("s-" + subject, "tamroi.application.submitted", subject,
                Instant.now().minus(2, ChronoUnit.HOURS).toString(), service, null)).then().statusCode(200);
        ObjectNode next = Api.event("c-" + subject, "tamroi.step.completed", subject,
                Instant.now().minus(1, ChronoUnit.HOURS).toString(), service, "received");

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select id from application where agency = ? and subject = ? for update")) {
                lock.setString(1, AGENCY);
                lock.setString(2, subject);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                }
            }
            try {
                Api.postEvent(AGENCY, next).then()
                        .time(lessThan(DEADLINE_MILLIS + 3_000))
                        .statusCode(503)
                        .contentType(startsWith("application/problem+json"))
                        .header("Retry-After", notNullValue());
            } finally {
                holder.rollback();
            }
        }
        Api.postEvent(AGENCY, next).then().statusCode(200).body("outcome", equalTo("APPLIED"));
    }
}
