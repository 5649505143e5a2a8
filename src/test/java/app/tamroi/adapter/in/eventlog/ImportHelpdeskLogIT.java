package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real agency's history: the help desk log kept beside the repository (4,580 cases, 21,348
 * completed activities, 2010–2014) goes in whole, with a timeline drawn from it in a calendar where
 * working time is elapsed time, every case an application and every activity an event.
 */
@QuarkusTest
class ImportHelpdeskLogIT {

    /** Beside the repository, in CI as here: the project directory's parent holds shared/. */
    static final Path HELPDESK = Path.of("..", "shared", "reallogs", "helpdesk.xes.gz");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String agency = "helpdesk-" + run;
    final String service = "helpdesk-" + run;

    @Inject
    ImportLogCommand command;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyCaseOfTheHelpdeskLogBecomesAnApplicationAndEveryActivityAnEvent() throws SQLException {
        assertTrue(Files.isRegularFile(HELPDESK), "the help desk log is expected at " + HELPDESK.toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = command.run(List.of(HELPDESK.toString(), "--service", service, "--publish", "--agency", agency,
                "--calendar", "24x7", "--name", "Help desk"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("Read and checked 21,348 completed events in 4,580 cases"), printed);
        // each case: its submission, a move at each of its events but the last, and its end
        assertTrue(printed.contains("cases: 4,580; log events: 21,348; step events: 25,928"), printed);
        assertTrue(printed.contains("applied: 25,928; duplicates (imported before): 0; rejected: 0"), printed);
        assertEquals(4_580, count("select count(*) from application where agency = ? and service_code = ?"));
        assertEquals(25_928, count("select count(*) from step_event where agency = ? and channel = 'import'"));
        assertEquals(4_580, count("select count(*) from application where agency = ? and ended_at is not null"));

        JsonNode first = Api.agencyView(agency, "Case 1", null).then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(Instant.parse("2012-10-09T14:50:17Z"), instant(first.path("status").path("submittedAt")));
        assertEquals(Instant.parse("2012-11-09T12:54:39Z"), instant(first.path("status").path("endedAt")));
        // Assign seriousness, Take in charge ticket twice, Resolve ticket, Closed
        assertEquals(List.of("submitted", "step.started", "step.started", "step.started", "step.started", "completed"),
                types(first));

        // a ticket opened in the middle of that history is forecast from it
        ArrayNode open = StatusFixtures.JSON.createArrayNode();
        open.add(Api.event("open-s", "tamroi.application.submitted", "open-ticket", "2013-06-03T09:00:00Z", service, null));
        open.add(Api.event("open-t", "tamroi.step.started", "open-ticket", "2013-06-03T09:00:00Z", service,
                "take-in-charge-ticket"));
        Api.postBatch(agency, open).then().statusCode(200);
        JsonNode forecast = Api.agencyView(agency, "open-ticket", "2013-06-04T12:00:00Z").then().statusCode(200)
                .extract().as(JsonNode.class).path("status").path("forecast");
        assertEquals("HISTORY", forecast.path("basis").asText(), forecast.toString());
        assertTrue(forecast.path("sampleSize").asInt() >= 30, forecast.toString());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, agency);
            if (sql.contains("service_code")) {
                ps.setString(2, service);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText()).toInstant();
    }

    private static List<String> types(JsonNode view) {
        return java.util.stream.StreamSupport.stream(view.path("events").spliterator(), false)
                .map(e -> e.path("type").asText().replaceFirst("tamroi\\.(application\\.)?", "")).toList();
    }
}
