package app.tamroi.usecase.forecast;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.Tokens;
import app.tamroi.usecase.ingest.RebuildProjections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Forecasts as a citizen and an agency see them: from history once enough journeys have ended,
 * and, asked again later about the same instant, exactly what was said then.
 */
@QuarkusTest
class ForecastIT {

    static final String AGENCY = "forecast-agency";
    static final Instant T = Instant.parse("2026-06-03T05:00:00Z"); // Wednesday noon in Bangkok

    @Inject
    RebuildProjections rebuild;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        ServerClock.reset();
    }

    @Test
    void aForecastAsOfAnInstantIsExactlyWhatWasServedThenWhateverCameAfter() throws Exception {
        String service = "fc-refund";
        ServerClock.setTo(T);
        publish(service);
        // 60 journeys ended on the weeks before T: verification takes 1 to 4 days
        sendShuffled(service, journeys(service, "past", 60, T.minus(Duration.ofDays(90)), Duration.ofDays(1), 1, 4, 11));
        ArrayNode open = StatusFixtures.JSON.createArrayNode();
        open.add(Api.event("open-s", "tamroi.application.submitted", "fc-open", "2026-06-02T09:00:00+07:00", service, null));
        open.add(Api.event("open-r", "tamroi.step.completed", "fc-open", "2026-06-02T15:00:00+07:00", service, "received"));
        Api.postBatch(AGENCY, open).then().statusCode(200);

        JsonNode citizenAtT = StatusFixtures.JSON.readTree(given().get("/api/v1/track/{code}", trackingCode("fc-open")).asString());
        JsonNode servedAtT = citizenAtT.path("forecast");
        assertEquals("HISTORY", servedAtT.path("basis").asText(), citizenAtT.toString());
        assertEquals(60, servedAtT.path("sampleSize").asInt());
        assertEquals(180, servedAtT.path("windowDays").asInt());
        assertTrue(servedAtT.path("p80RemainingMinutes").asLong() >= servedAtT.path("p50RemainingMinutes").asLong());
        assertTrue(Instant.parse(citizenAtT.path("expectedBy").asText()).isAfter(T));
        given().queryParam("lang", "en").get("/track/{code}", trackingCode("fc-open")).then().statusCode(200)
                .body(containsString("8 in 10 similar applications were done by"));

        // twelve days later: 40 more journeys, begun and ended since T and all slow, and the open one moved on
        ServerClock.setTo(T.plus(Duration.ofDays(12)));
        sendShuffled(service, journeys(service, "after", 40, T.plus(Duration.ofHours(1)), Duration.ofHours(1), 6, 8, 12));
        Api.postEvent(AGENCY, Api.event("open-v", "tamroi.step.completed", "fc-open", "2026-06-04T10:00:00+07:00",
                service, "verification")).then().statusCode(200);

        JsonNode agencyAtT = Api.agencyView(AGENCY, "fc-open", T.toString()).then().statusCode(200)
                .extract().as(JsonNode.class).path("status");
        assertEquals(servedAtT, agencyAtT.path("forecast"));
        JsonNode agencyNow = Api.agencyView(AGENCY, "fc-open", null).then().statusCode(200)
                .extract().as(JsonNode.class).path("status");
        // the journeys that ended since T (before today) count now, as they did not then
        assertTrue(agencyNow.path("forecast").path("sampleSize").asInt() > 90, agencyNow.toString());
        assertNotEquals(servedAtT, agencyNow.path("forecast"));
    }

    @Test
    void belowTheMinimumSampleTheForecastIsThePlanAndSaysSo() throws Exception {
        String service = "fc-new-refund";
        ServerClock.setTo(T);
        publish(service);
        sendShuffled(service, journeys(service, "few", 29, T.minus(Duration.ofDays(60)), Duration.ofDays(1), 1, 4, 13));
        Api.postEvent(AGENCY, Api.event("few-open", "tamroi.application.submitted", "fc-few-open",
                "2026-06-02T09:00:00+07:00", service, null)).then().statusCode(200);

        JsonNode status = Api.agencyView(AGENCY, "fc-few-open", null).then().statusCode(200)
                .extract().as(JsonNode.class).path("status");

        assertEquals("PLAN", status.path("forecast").path("basis").asText());
        assertEquals(29, status.path("forecast").path("sampleSize").asInt());
        assertEquals(status.path("remainingMinutes").asLong(), status.path("forecast").path("p80RemainingMinutes").asLong());
        assertEquals(status.path("expectedBy"), status.path("forecast").path("p80By"));
        given().queryParam("lang", "en").get("/track/{code}", trackingCode("fc-few-open")).then().statusCode(200)
                .body(containsString("Too few similar applications have finished yet"));
    }

    @Test
    void anEndedApplicationHasNoForecastAndAPausedOneNoDates() throws Exception {
        String service = "fc-ended-refund";
        ServerClock.setTo(T);
        publish(service);
        sendShuffled(service, journeys(service, "ended", 1, T.minus(Duration.ofDays(20)), Duration.ofDays(1), 1, 2, 14));
        ArrayNode paused = StatusFixtures.JSON.createArrayNode();
        paused.add(Api.event("p-s", "tamroi.application.submitted", "fc-paused", "2026-06-01T09:00:00+07:00", service, null));
        paused.add(Api.event("p-p", "tamroi.application.paused", "fc-paused", "2026-06-01T10:00:00+07:00", service, null));
        Api.postBatch(AGENCY, paused).then().statusCode(200);

        JsonNode ended = Api.agencyView(AGENCY, "ended-0", null).then().statusCode(200).extract().as(JsonNode.class).path("status");
        JsonNode pausedNow = Api.agencyView(AGENCY, "fc-paused", null).then().statusCode(200).extract().as(JsonNode.class)
                .path("status");

        assertTrue(ended.path("status").asText().startsWith("COMPLETED"), ended.toString());
        assertTrue(ended.path("forecast").isMissingNode(), ended.toString());
        assertTrue(pausedNow.path("forecast").has("p80RemainingMinutes"), pausedNow.toString());
        assertTrue(pausedNow.path("forecast").path("p50By").isMissingNode(), pausedNow.toString());
        assertTrue(pausedNow.path("forecast").path("p80By").isMissingNode(), pausedNow.toString());
    }

    @Test
    void whatWasLearnedBatchByBatchIsWhatAReplayOfTheWholeLogLearns() throws Exception {
        String service = "fc-replay-refund";
        ServerClock.setTo(T);
        publish(service);
        // events of one journey spread over batches in any order, some sent long after they happened
        sendShuffled(service, journeys(service, "replay", 45, T.minus(Duration.ofDays(50)), Duration.ofDays(1), 1, 5, 15));
        List<String> live = tallies(service);
        assertTrue(live.size() > 10, live.toString());

        rebuild.rebuildAll();

        assertEquals(live, tallies(service));
    }

    @Test
    void anAgencyIsProposedTheTimelineItsHistoryCanKeepAndCanPublishItAsItIs() throws Exception {
        String service = "fc-plan-refund";
        ServerClock.setTo(T);
        publish(service);
        given().header("Authorization", Tokens.bearer(AGENCY, "timeline-editor"))
                .get("/api/v1/services/{code}/plan-from-history", service).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("0 ended journeys"));
        // verification takes 7 to 12 days on the calendar, where the plan says 2 working days: the promise of 6 is rarely kept
        sendShuffled(service, journeys(service, "plan", 50, T.minus(Duration.ofDays(80)), Duration.ofDays(1), 7, 12, 16));

        JsonNode plan = StatusFixtures.JSON.readTree(given().header("Authorization", Tokens.bearer(AGENCY, "timeline-editor"))
                .get("/api/v1/services/{code}/plan-from-history", service).then().statusCode(200).extract().asString());

        assertEquals(50, plan.path("sampleSize").asInt());
        JsonNode verification = plan.path("steps").get(1);
        assertEquals("verification", verification.path("code").asText());
        assertEquals(60, verification.path("visits").asInt(), "50 journeys, 10 of them sent back once");
        assertEquals("2d", verification.path("target").asText());
        assertTrue(WorkingDays.of(verification.path("proposed").asText()) >= 3, verification.toString());
        assertTrue(plan.path("promise").path("currentlyMet").asDouble() < 0.8, plan.path("promise").toString());
        assertTrue(plan.path("promise").path("proposedMet").asDouble() >= 0.8, plan.path("promise").toString());
        assertEquals(plan.path("promise").path("proposed").asText(), plan.path("timeline").path("promise").asText());

        Api.publish(AGENCY, ((com.fasterxml.jackson.databind.node.ObjectNode) plan.path("timeline")).put("code", service))
                .then().statusCode(201).body("version", org.hamcrest.Matchers.is(2));
        given().header("Authorization", Tokens.bearer("another-agency", "timeline-editor"))
                .get("/api/v1/services/{code}/plan-from-history", service).then().statusCode(403);
    }

    /** Whole working days of a written duration, hours and minutes counted as less than a day. */
    private static final class WorkingDays {
        static long of(String written) {
            return written.endsWith("d") ? Long.parseLong(written.substring(0, written.length() - 1)) : 0;
        }
    }

    private static void publish(String service) {
        Api.publish(AGENCY, StatusFixtures.timeline("pit-refund", AGENCY).put("code", service)).then().statusCode(201);
    }

    /**
     * Journeys through received, verification, approval and transfer, one starting {@code every}
     * from {@code from}, a fifth of them sent back from approval to verification once.
     */
    private static List<JsonNode> journeys(String service, String prefix, int count, Instant from, Duration every,
                                           int minDays, int maxDays, long seed) {
        Random random = new Random(seed);
        List<JsonNode> events = new ArrayList<>();
        Instant day = from;
        for (int i = 0; i < count; i++) {
            String subject = prefix + "-" + i;
            Instant t = day;
            events.add(Api.event(subject + "-s", "tamroi.application.submitted", subject, iso(t), service, null));
            t = t.plus(Duration.ofHours(2 + random.nextInt(6)));
            events.add(Api.event(subject + "-r", "tamroi.step.completed", subject, iso(t), service, "received"));
            t = t.plus(Duration.ofHours(24L * minDays + random.nextInt(24 * (maxDays - minDays) + 1)));
            events.add(Api.event(subject + "-v", "tamroi.step.completed", subject, iso(t), service, "verification"));
            if (i % 5 == 0) {
                t = t.plus(Duration.ofHours(10));
                events.add(Api.event(subject + "-back", "tamroi.step.started", subject, iso(t), service, "verification"));
                t = t.plus(Duration.ofHours(8 + random.nextInt(12)));
                events.add(Api.event(subject + "-v2", "tamroi.step.completed", subject, iso(t), service, "verification"));
            }
            t = t.plus(Duration.ofHours(20 + random.nextInt(20)));
            events.add(Api.event(subject + "-a", "tamroi.step.completed", subject, iso(t), service, "approval"));
            t = t.plus(Duration.ofHours(4 + random.nextInt(8)));
            events.add(Api.event(subject + "-t", "tamroi.step.completed", subject, iso(t), service, "transfer"));
            events.add(Api.event(subject + "-c", "tamroi.application.completed", subject, iso(t), service, null));
            day = day.plus(every);
        }
        return events;
    }

    /** In batches of 25 in a seeded random order: the statistics must not depend on the order events came in. */
    private static void sendShuffled(String service, List<JsonNode> events) {
        List<JsonNode> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(service.hashCode()));
        for (int from = 0; from < shuffled.size(); from += 25) {
            ArrayNode batch = StatusFixtures.JSON.createArrayNode();
            shuffled.subList(from, Math.min(from + 25, shuffled.size())).forEach(batch::add);
            Api.postBatch(AGENCY, batch).then().statusCode(200);
        }
    }

    private static String iso(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(7)).toString();
    }

    private String trackingCode(String subject) {
        return Api.agencyView(AGENCY, subject, null).then().statusCode(200).extract().path("status.trackingCode");
    }

    private List<String> tallies(String service) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select day, kind, step, item, sum(count) from forecast_tally where service_code = '"
                     + service + "' group by 1, 2, 3, 4 having sum(count) <> 0 order by 1, 2, 3, 4")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getLong(5));
            }
        }
        return rows;
    }
}
