package app.tamroi.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import app.tamroi.usecase.ingest.RebuildProjections;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The projection is only a cache: a replay of the log rebuilds exactly what live ingestion built. */
@QuarkusTest
class ReplayIT {

    static final String AGENCY = "replay-agency";
    static final String SERVICE = "rp-pit-refund";

    @Inject
    RebuildProjections rebuild;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        ServerClock.reset();
    }

    @Test
    void aReplayRebuildsEveryProjectionExactly() throws SQLException {
        ServerClock.setTo(Instant.parse("2026-11-20T02:00:00Z"));
        Api.publish(AGENCY, StatusFixtures.timeline("pit-refund", AGENCY).put("code", SERVICE));
        ArrayNode batch = StatusFixtures.JSON.createArrayNode();
        String[][] journeys = {
                {"replay-a", "2026-11-16T09:00:00+07:00", null, null},
                {"replay-b", "2026-11-16T09:00:00+07:00", "received", "2026-11-16T12:00:00+07:00"},
                {"replay-c", "2026-11-17T09:00:00+07:00", "received", "2026-11-19T09:00:00+07:00"}};
        for (String[] j : journeys) {
            batch.add(Api.event(j[0] + "-s", "tamroi.application.submitted", j[0], j[1], SERVICE, null));
            if (j[2] != null) {
                batch.add(Api.event(j[0] + "-c", "tamroi.step.completed", j[0], j[3], SERVICE, j[2]));
            }
        }
        batch.add(Api.event("replay-d-c", "tamroi.step.completed", "replay-d", "2026-11-18T09:00:00+07:00", SERVICE, "received"));
        Api.postBatch(AGENCY, batch).then().statusCode(200);
        List<String> live = projections();
        assertEquals(4, live.size());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update application set status = 'BEHIND', schedule_status = 'BEHIND', current_step = 'bogus', "
                    + "submitted_at = null, event_count = 0, at_risk = true where agency = '" + AGENCY + "'");
        }
        assertNotEquals(live, projections(), "the projection was damaged");

        long rebuilt = rebuild.rebuildAll();

        assertTrue(rebuilt >= 4, "rebuilt " + rebuilt);
        assertEquals(live, projections());
    }

    private List<String> projections() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select subject, service_version, status, schedule_status, at_risk, current_step, "
                     + "submitted_at, ended_at, event_count from application where agency = '" + AGENCY + "' order by subject")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
