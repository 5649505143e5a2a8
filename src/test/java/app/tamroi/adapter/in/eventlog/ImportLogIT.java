package app.tamroi.adapter.in.eventlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.StatusFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * An agency starts from its history: a small XES log becomes applications of a service drawn from
 * it, a CSV log goes into a published service through a mapping, each application shows the
 * journey its case took, importing again changes nothing, and a bad file imports nothing at all.
 */
@QuarkusTest
class ImportLogIT {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String agency = "imp-" + run;

    @Inject
    ImportLogCommand command;

    /** What the command printed and how it exited. */
    record Ran(int exit, String out, String err) {
    }

    Ran importLog(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path file(String name, String text) {
        try {
            Path dir = Files.createTempDirectory("import-log");
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gzipped(String name, String text) {
        try {
            Path file = Files.createTempDirectory("import-log").resolve(name);
            try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trace a line, as {case, activity, time, activity, time, …}. */
    static String xes(String[]... traces) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\" "
                + "xmlns=\"http://www.xes-standard.org/\">\n");
        for (String[] t : traces) {
            xml.append("<trace><string key=\"concept:name\" value=\"").append(t[0]).append("\"/>\n");
            for (int i = 1; i < t.length; i += 2) {
                xml.append("  <event><string key=\"concept:name\" value=\"").append(t[i])
                        .append("\"/><date key=\"time:timestamp\" value=\"").append(t[i + 1]).append("\"/></event>\n");
            }
            xml.append("</trace>\n");
        }
        return xml.append("</log>\n").toString();
    }

    static final String[][] PERMITS = {
            {"P-1", "Register", "2024-03-01T09:00:00Z", "Check", "2024-03-01T10:00:00Z", "Approve", "2024-03-02T09:00:00Z"},
            {"P-2", "Register", "2024-03-01T11:00:00Z", "Check", "2024-03-01T13:00:00Z", "Check", "2024-03-02T13:00:00Z",
                    "Refuse", "2024-03-03T13:00:00Z"},
            {"P-3", "Register", "2024-03-02T09:00:00Z", "Check", "2024-03-02T12:00:00Z", "Approve", "2024-03-03T12:00:00Z",
                    "Check", "2024-03-03T15:00:00Z", "Approve", "2024-03-04T15:00:00Z"},
            {"P-4", "Register", "2024-03-05T09:00:00Z"},
            {"P-5", "Register", "2024-03-05T10:00:00Z", "Check", "2024-03-05T10:10:00Z", "Check", "2024-03-05T10:20:00Z",
                    "Cancel", "2024-03-05T10:30:00Z"}};

    JsonNode view(String subject) {
        return Api.agencyView(agency, subject, null).then().statusCode(200).extract().as(JsonNode.class);
    }

    /** The view without the instant it was asked at, to compare two readings. */
    JsonNode viewNow(String subject) {
        JsonNode v = view(subject).deepCopy();
        ((ObjectNode) v.path("status")).remove("asOf");
        return v;
    }

    @Test
    void aXesLogBecomesApplicationsOfAServiceDrawnFromItAndImportingItAgainChangesNothing() {
        String service = "permits-" + run;
        Path log = gzipped("permits.xes.gz", xes(PERMITS));

        Ran first = importLog(log.toString(), "--service", service, "--publish", "--agency", agency, "--calendar", "24x7",
                "--name", "Building permits", "--rejected", "Refuse", "--withdrawn", "Cancel");

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Read and checked 17 completed events in 5 cases"), first.out());
        assertTrue(first.out().contains("applied: 22; duplicates (imported before): 0; rejected: 0"), first.out());
        JsonNode timeline = given().get("/api/v1/services/{code}", service).then().statusCode(200).extract().as(JsonNode.class)
                .path("definition");
        List<String> steps = new ArrayList<>();
        timeline.path("steps").forEach(s -> steps.add(s.path("code").asText() + ":" + s.path("target").asText()));
        // in the order cases usually reach them; targets: the median stay, the time before each activity spent on it
        assertEquals(List.of("check:3h", "approve:1d", "cancel:10m", "refuse:1d"), steps);
        assertEquals("UTC", timeline.path("calendar").path("zone").asText());

        assertEquals("COMPLETED_ON_TIME", view("P-1").path("status").path("status").asText());
        assertEquals("REJECTED", view("P-2").path("status").path("status").asText());
        JsonNode reworked = view("P-3").path("status");
        assertEquals("COMPLETED_LATE", reworked.path("status").asText());
        assertEquals(54 * 60, reworked.path("elapsedMinutes").asLong());
        assertEquals((51 * 60 + 10) - 54 * 60, reworked.path("varianceMinutes").asLong(), "the promise: the sum of the targets");
        JsonNode single = view("P-4").path("status");
        assertEquals("COMPLETED_ON_TIME", single.path("status").asText());
        assertEquals(single.path("submittedAt"), single.path("endedAt"), "a case of one event takes no time");
        assertEquals("WITHDRAWN", view("P-5").path("status").path("status").asText());
        JsonNode approvedOnce = view("P-1");
        assertEquals(List.of("DONE", "DONE", "SKIPPED", "SKIPPED"), states(approvedOnce));
        assertEquals("import", approvedOnce.path("events").get(0).path("channel").asText());

        List<JsonNode> before = new ArrayList<>();
        for (String[] c : PERMITS) {
            before.add(viewNow(c[0]));
        }
        Ran again = importLog(log.toString(), "--service", service, "--publish", "--agency", agency, "--calendar", "24x7",
                "--name", "Building permits", "--rejected", "Refuse", "--withdrawn", "Cancel");

        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(version 1, unchanged)"), again.out());
        assertTrue(again.out().contains("applied: 0; duplicates (imported before): 22; rejected: 0"), again.out());
        for (int i = 0; i < PERMITS.length; i++) {
            assertEquals(before.get(i), viewNow(PERMITS[i][0]));
        }
    }

    @Test
    void aCsvLogGoesIntoAPublishedServiceThroughTheAgencysMapping() {
        String service = "refunds-" + run;
        Api.publish(agency, StatusFixtures.timeline("pit-refund", agency).put("code", service)).then().statusCode(201);
        Path log = file("refunds.csv", """
                case,activity,completed,lifecycle
                R-1,Claim filed,2024-06-03T09:00:00+07:00,complete
                R-1,Claim received,2024-06-03T10:00:00+07:00,complete
                R-2,Claim filed,2024-06-03T11:00:00+07:00,complete
                R-1,Documents checked,2024-06-04T10:00:00+07:00,complete
                R-1,Refund approved,2024-06-05T10:00:00+07:00,complete
                R-1,Money sent,2024-06-06T10:00:00+07:00,complete
                R-2,Documents checked,2024-06-10T11:00:00+07:00,start
                R-2,Documents checked,2024-06-20T11:00:00+07:00,complete
                R-2,Claim refused,2024-06-21T11:00:00+07:00,complete
                """);
        Path mapping = file("steps.csv", """
                activity,step
                Claim received,received
                Documents checked,verification
                Refund approved,approval
                Claim refused,approval
                Money sent,transfer
                """);

        Ran ran = importLog(log.toString(), "--service", service, "--mapping", mapping.toString(), "--case", "case",
                "--activity", "activity", "--timestamp", "completed", "--lifecycle", "lifecycle", "--rejected", "Claim refused",
                "--case-prefix", "2024/");

        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("cases: 2; log events: 8; step events: 10"), ran.out());
        JsonNode paid = view("2024/R-1");
        assertEquals("COMPLETED_ON_TIME", paid.path("status").path("status").asText());
        assertEquals(List.of("DONE", "DONE", "DONE", "DONE"), states(paid));
        JsonNode refused = view("2024/R-2");
        assertEquals("REJECTED", refused.path("status").path("status").asText());
        assertEquals("SKIPPED", refused.path("status").path("steps").get(0).path("state").asText(),
                "the refused claim went straight to verification");
    }

    @Test
    void aBadFileIsRefusedNamingWhereAndNothingOfItIsImported() {
        String service = "bad-" + run;
        String[][] lastTimeBroken = PERMITS.clone();
        lastTimeBroken[4] = new String[] {"P-5", "Register", "2024-03-05T10:00:00Z", "Check", "yesterday"};

        Ran badTime = importLog(file("permits.xes", xes(lastTimeBroken)).toString(), "--service", service, "--publish",
                "--agency", agency, "--calendar", "24x7");

        assertEquals(2, badTime.exit());
        assertEquals("import-log: nothing imported: permits.xes: line 26: time:timestamp 'yesterday' is not a time in ISO-8601 "
                + "like 2012-10-09T14:50:17+00:00\n", badTime.err());
        given().get("/api/v1/services/{code}", service).then().statusCode(404);
        Api.agencyView(agency, "P-1", null).then().statusCode(404);

        Ran notXes = importLog(file("permits.xes", "case,activity,time\nP-1,Register,2024-03-01T09:00:00Z\n").toString(),
                "--format", "xes", "--service", service, "--publish", "--agency", agency, "--calendar", "24x7");
        assertEquals(2, notXes.exit());
        assertTrue(notXes.err().contains("not an XES log"), notXes.err());

        Ran noColumn = importLog(file("permits.csv", "case,activity,time\nP-1,Register,2024-03-01T09:00:00Z\n").toString(),
                "--service", service, "--publish", "--agency", agency, "--calendar", "24x7");
        assertEquals(2, noColumn.exit());
        assertEquals("import-log: nothing imported: permits.csv: line 1: the header has no case column 'case:concept:name' "
                + "(it has case, activity, time)\n", noColumn.err());

        String published = "published-" + run;
        Api.publish(agency, StatusFixtures.timeline("pit-refund", agency).put("code", published)).then().statusCode(201);
        Ran unknownStep = importLog(file("permits.xes", xes(PERMITS)).toString(), "--service", published);
        assertEquals(2, unknownStep.exit());
        assertEquals("import-log: nothing imported: permits.xes: line 5: activity 'Check' is step 'check', which version 1 of "
                + "service '" + published + "' does not have; map it to one of [received, verification, approval, transfer]\n",
                unknownStep.err());
        Api.agencyView(agency, "P-1", null).then().statusCode(404);
    }

    static List<String> states(JsonNode view) {
        List<String> states = new ArrayList<>();
        view.path("status").path("steps").forEach(s -> states.add(s.path("state").asText()));
        return states;
    }
}
