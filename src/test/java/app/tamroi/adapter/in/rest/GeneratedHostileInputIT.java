package app.tamroi.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.tamroi.support.Api;
import app.tamroi.support.HostileInput;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input thrown at the HTTP API (timelines, single events, batches, asOf, lookups),
 * from a seed that is printed and can be given again with {@code -Dtamroi.hostile.seed=…}. Whatever
 * is sent: never a 5xx (the database is up throughout), a rejected event or timeline changes
 * nothing, every answer comes within a second, and afterwards every application that existed
 * before reads exactly as it did.
 */
@QuarkusTest
class GeneratedHostileInputIT {

    static final int TRIES = Integer.getInteger("tamroi.hostile.tries", 400);
    static final long ANSWER_WITHIN_MILLIS = 1000;
    static final List<String> TYPES = List.of("tamroi.application.submitted", "tamroi.step.started", "tamroi.step.completed",
            "tamroi.application.paused", "tamroi.application.resumed", "tamroi.application.completed",
            "tamroi.application.rejected", "tamroi.application.withdrawn", "tamroi.application.teleported");
    static final List<String> STEPS = List.of("received", "verification", "approval", "transfer");

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final String demoAgency = "gh-demo-" + run;
    final String fuzzAgency = "gh-fuzz-" + run;
    final String demoService = "ghd-" + run;
    final String fuzzService = "ghf-" + run;
    final List<String> trail = new ArrayList<>();
    HostileInput input;
    long slowest;
    String slowestRequest = "";

    record Answer(int status, String body, long millis) {
    }

    @Test
    void whateverIsSentNothingBreaksNothingRejectedChangesAndEveryoneElseReadsAsBefore() throws Exception {
        long seed = Long.getLong("tamroi.hostile.seed", System.nanoTime());
        System.out.println("GeneratedHostileInputIT seed: " + seed + " (replay with -Dtamroi.hostile.seed=" + seed + ")");
        input = new HostileInput(seed);

        Map<String, String> demo = demoApplications();
        Map<String, String> before = new LinkedHashMap<>();
        for (String code : demo.keySet()) {
            before.put(code, stableView(code, demo.get(code)));
        }
        Api.publish(fuzzAgency, StatusFixtures.timeline("pit-refund", fuzzAgency).put("code", fuzzService)).then().statusCode(201);
        List<String> victims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String subject = "victim-" + i;
            Api.postEvent(fuzzAgency, Api.event("v-" + run + i, "tamroi.application.submitted", subject,
                    Instant.now().minus(3, ChronoUnit.DAYS).toString(), fuzzService, null)).then().statusCode(200);
            victims.add(subject);
        }

        try {
            for (int i = 0; i < TRIES; i++) {
                switch (input.random().nextInt(10)) {
                    case 0, 1, 2, 3 -> oneEvent(victims);
                    case 4, 5 -> batch(victims);
                    case 6, 7 -> timeline();
                    case 8 -> asOf(victims);
                    default -> lookup();
                }
            }
        } catch (AssertionError e) {
            fail("seed " + seed + ", after: " + trail.subList(Math.max(0, trail.size() - 3), trail.size()) + "\n" + e.getMessage(), e);
        }
        System.out.println("GeneratedHostileInputIT: " + TRIES + " tries, slowest answer " + slowest + " ms: " + slowestRequest);

        for (String code : demo.keySet()) {
            assertEquals(before.get(code), stableView(code, demo.get(code)), "application " + code + " reads otherwise than before");
        }
    }

    // --- what is sent ---------------------------------------------------------------------------

    void oneEvent(List<String> victims) throws Exception {
        GeneratedEvent event = event(victims);
        Optional<String> eventsBefore = eventsOf(event.subject());
        Answer answer = send("POST", "/api/v1/events", "application/cloudevents+json", fuzzAgency, input.bytes(event.json()),
                event.json());
        if (answer.status() != 200) {
            assertNothingChanged(event, eventsBefore, answer);
        }
    }

    void batch(List<String> victims) throws Exception {
        List<GeneratedEvent> events = new ArrayList<>();
        int size = 1 + input.random().nextInt(8);
        for (int i = 0; i < size; i++) {
            events.add(event(victims));
        }
        Map<String, Optional<String>> eventsBefore = new LinkedHashMap<>();
        for (GeneratedEvent e : events) {
            if (e.subject() != null && !eventsBefore.containsKey(e.subject())) {
                eventsBefore.put(e.subject(), eventsOf(e.subject()));
            }
        }
        String json = "[" + String.join(",", events.stream().map(GeneratedEvent::json).toList()) + "]";
        Answer answer = send("POST", "/api/v1/events", "application/cloudevents-batch+json", fuzzAgency, input.bytes(json), json);
        if (answer.status() != 200) {
            for (GeneratedEvent e : events) {
                assertNothingChanged(e, eventsBefore.getOrDefault(e.subject(), Optional.empty()), answer);
            }
            return;
        }
        JsonNode results = StatusFixtures.JSON.readTree(answer.body()).path("results");
        boolean allRejected = true;
        for (int i = 0; i < events.size(); i++) {
            allRejected &= "REJECTED".equals(results.path(i).path("outcome").asText());
        }
        // an event rejected beside an accepted one for the same subject may not be told apart by its log
        if (allRejected) {
            for (GeneratedEvent e : events) {
                assertNothingChanged(e, eventsBefore.getOrDefault(e.subject(), Optional.empty()), answer);
            }
        }
    }

    void timeline() throws Exception {
        boolean existing = input.chance(0.5);
        String code = existing ? fuzzService : "ghx-" + run + "-" + input.random().nextInt(1_000_000);
        Answer versionBefore = get("/api/v1/services/" + code);
        ObjectNode valid = StatusFixtures.timeline("pit-refund", fuzzAgency).put("code", code);
        Map<String, String> fields = new LinkedHashMap<>();
        valid.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().toString()));
        int spoils = 1 + input.random().nextInt(3);
        for (int i = 0; i < spoils; i++) {
            switch (input.random().nextInt(9)) {
                case 0 -> fields.put("name", "{\"th\":" + input.string() + ",\"en\":" + input.string() + "}");
                case 1 -> fields.put("promise", input.duration());
                case 2 -> fields.put(input.chance(0.5) ? "aheadFraction" : "atRiskFraction", input.number());
                case 3 -> fields.put("calendar", calendar());
                case 4 -> fields.put("steps", steps());
                case 5 -> fields.put("description", "{\"th\":" + input.string() + "}");
                case 6 -> fields.put("extra", input.deep());
                case 7 -> fields.put(input.oneOf(List.of("agency", "code", "name", "steps")), input.wrongKind());
                default -> fields.put("promise\":\"1d\",\"promise", input.duration()); // a key given twice
            }
        }
        String json = object(fields);
        Answer answer = send("PUT", "/api/v1/services/" + code, "application/json", fuzzAgency, input.bytes(json), json);
        if (answer.status() == 201 && !existing) {
            // a timeline accepted must be one every application of it can be computed on, now and later
            String tracking = StatusFixtures.JSON.readTree(send("POST", "/api/v1/events", "application/cloudevents+json", fuzzAgency,
                    Api.event("a-" + UUID.randomUUID(), "tamroi.application.submitted", "accepted-" + code,
                            Instant.now().minus(1, ChronoUnit.DAYS).toString(), code, null).toString().getBytes(StandardCharsets.UTF_8),
                    "submitted under " + code).body()).path("trackingCode").asText();
            assertEquals(200, get("/api/v1/track/" + tracking).status(), "an accepted timeline cannot be computed: " + json);
            assertEquals(200, get("/track/" + tracking).status(), "an accepted timeline cannot be shown: " + json);
        }
        if (answer.status() >= 300) {
            Answer versionAfter = get("/api/v1/services/" + code);
            assertEquals(versionBefore.status(), versionAfter.status(), "a refused timeline changed " + code + ": " + answer.body());
            if (versionAfter.status() == 200) {
                assertEquals(StatusFixtures.JSON.readTree(versionBefore.body()).path("version"),
                        StatusFixtures.JSON.readTree(versionAfter.body()).path("version"), "a refused timeline published a version");
            }
        }
    }

    void asOf(List<String> victims) throws Exception {
        String value = input.chance(0.7) ? input.time().replace("\"", "") : input.oneOf(List.of("", "now", "%00", "1e9",
                Instant.ofEpochSecond(input.random().nextLong() % 31_556_889_864_403_199L).toString()));
        String subject = input.oneOf(victims);
        send("GET", "/api/v1/agencies/" + fuzzAgency + "/applications/" + segment(subject) + "?asOf=" + query(value), null,
                fuzzAgency, null, "asOf " + value);
    }

    void lookup() throws Exception {
        String code = input.oneOf(List.of(
                "XXXX-XXXX-XXXX-XX", "0000-0000-0000-00", "a".repeat(input.random().nextInt(5000)), "ตามรอย", "%00",
                "\u0000", "..", "😀".repeat(50), "ILO0-ilo0-1111-11", UUID.randomUUID().toString()));
        String path = input.oneOf(List.of("/track/" + segment(code), "/api/v1/track/" + segment(code), "/track?code=" + query(code)));
        send("GET", path, null, null, null, path);
    }

    // --- events ---------------------------------------------------------------------------------

    /** {@code subject} is the plain subject when the event names one a check can look up. */
    record GeneratedEvent(String json, String subject) {
    }

    GeneratedEvent event(List<String> victims) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        String type = input.oneOf(TYPES);
        String subject = input.chance(0.5) ? input.oneOf(victims) : "fresh-" + UUID.randomUUID();
        fields.put("specversion", "\"1.0\"");
        fields.put("id", "\"" + UUID.randomUUID() + "\"");
        fields.put("source", "\"urn:gh:fuzz\"");
        fields.put("type", "\"" + type + "\"");
        fields.put("subject", "\"" + subject + "\"");
        fields.put("time", "\"" + Instant.now().minus(input.random().nextInt(10 * 24 * 60), ChronoUnit.MINUTES) + "\"");
        data.put("service", "\"" + (input.chance(0.9) ? fuzzService : demoService) + "\"");
        if (type.contains(".step.") || input.chance(0.1)) {
            data.put("step", "\"" + input.oneOf(STEPS) + "\"");
        }
        if (input.chance(0.3)) {
            data.put("publicNote", "\"เอกสารครบแล้ว\"");
        }
        boolean subjectIntact = true;
        int spoils = input.random().nextInt(4);
        for (int i = 0; i < spoils; i++) {
            String field = input.oneOf(List.of("specversion", "id", "source", "type", "subject", "time", "service", "step",
                    "publicNote", "data", "extra", "duplicate"));
            Supplier<String> value = () -> input.oneOf(List.of(input.string(), input.string(), input.wrongKind()));
            switch (field) {
                case "service", "step", "publicNote" -> data.put(field, value.get());
                case "time" -> fields.put("time", input.chance(0.7) ? input.time() : value.get());
                case "data" -> fields.put("data", input.oneOf(List.of("null", "[]", "\"x\"", input.deep())));
                case "extra" -> fields.put("extra", input.deep());
                case "duplicate" -> fields.put("subject\":\"someone-else\",\"subject", fields.get("subject"));
                default -> fields.put(field, value.get());
            }
            subjectIntact &= !field.equals("subject");
        }
        fields.putIfAbsent("data", object(data));
        return new GeneratedEvent(object(fields), subjectIntact ? subject : null);
    }

    String calendar() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("zone", input.chance(0.5) ? input.string() : "\"" + input.oneOf(List.of("Asia/Bangkok", "Pacific/Apia",
                "Australia/Lord_Howe", "+18:00", "-18:00", "Etc/GMT+12", "UTC", "Mars/Olympus", "")) + "\"");
        c.put("workingDays", input.oneOf(List.of("[\"MON\",\"TUE\"]", "[]", "[\"SUN\"]", "[" + input.string() + "]", "\"MON\"")));
        if (input.chance(0.6)) {
            c.put("workingHours", "{\"start\":\"" + input.oneOf(List.of("08:30", "00:00", "23:59", "25:00", "01:00")) + "\",\"end\":\""
                    + input.oneOf(List.of("16:30", "00:00", "23:59", "03:00", "24:00")) + "\"}");
        }
        if (input.chance(0.5)) {
            int n = input.oneOf(List.of(0, 3, 999, 1001, 1500));
            List<String> days = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                days.add(input.chance(0.98) ? "\"" + java.time.LocalDate.of(2026, 1, 1).plusDays(i) + "\""
                        : "\"" + input.oneOf(List.of("+999999-01-01", "2026-02-30", "-999999999-01-01")) + "\"");
            }
            c.put("holidays", "[" + String.join(",", days) + "]");
        }
        return object(c);
    }

    String steps() {
        List<String> steps = new ArrayList<>();
        int n = input.oneOf(List.of(0, 1, 3, 51));
        for (int i = 0; i < n; i++) {
            steps.add("{\"code\":" + (input.chance(0.8) ? "\"s" + i + "\"" : input.string()) + ",\"name\":{\"en\":"
                    + (input.chance(0.7) ? "\"Step\"" : input.string()) + "},\"target\":" + input.duration()
                    + (input.chance(0.2) ? ",\"owner\":" + input.oneOf(List.of("\"CITIZEN\"", "\"ROBOT\"", "1")) : "") + "}");
        }
        return "[" + String.join(",", steps) + "]";
    }

    static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    // --- checks ---------------------------------------------------------------------------------

    void assertNothingChanged(GeneratedEvent event, Optional<String> eventsBefore, Answer answer) throws Exception {
        if (event.subject() == null) {
            return;
        }
        assertEquals(eventsBefore, eventsOf(event.subject()),
                "a rejected event (" + answer.status() + " " + answer.body() + ") changed application " + event.subject());
    }

    /** The events of one of the fuzzing agency's applications, or empty when it has none. */
    Optional<String> eventsOf(String subject) throws Exception {
        if (subject == null) {
            return Optional.empty();
        }
        Answer view = send("GET", "/api/v1/agencies/" + fuzzAgency + "/applications/" + segment(subject), null, fuzzAgency, null,
                "view " + subject);
        return view.status() == 404 ? Optional.empty()
                : Optional.of(StatusFixtures.JSON.readTree(view.body()).path("events").toString());
    }

    Map<String, String> demoApplications() {
        Api.publish(demoAgency, StatusFixtures.timeline("pit-refund", demoAgency).put("code", demoService)).then().statusCode(201);
        Map<String, String> codes = new LinkedHashMap<>();
        Instant now = Instant.now();
        String[][] journeys = {
                {"tamroi.application.submitted", "P0DT2H", null},
                {"tamroi.application.submitted", "P20D", null},
                {"tamroi.application.submitted", "P1D", null, "tamroi.application.paused", "PT20H", null},
                {"tamroi.application.submitted", "P3D", null, "tamroi.step.completed", "P2D", "received",
                        "tamroi.application.completed", "P1D", null}};
        for (int j = 0; j < journeys.length; j++) {
            String subject = "demo-" + j;
            String code = null;
            for (int e = 0; e < journeys[j].length; e += 3) {
                String time = now.minus(Duration.parse(journeys[j][e + 1])).toString();
                String tracking = Api.postEvent(demoAgency, Api.event("d-" + run + j + e, journeys[j][e], subject, time, demoService,
                        journeys[j][e + 2])).then().statusCode(200).extract().path("trackingCode");
                code = code == null ? tracking : code;
            }
            codes.put(code, subject);
        }
        return codes;
    }

    /** What a citizen and the agency see, without the figures that move with the clock. */
    String stableView(String trackingCode, String subject) throws Exception {
        JsonNode status = StatusFixtures.JSON.readTree(get("/api/v1/track/" + trackingCode).body());
        Answer view = send("GET", "/api/v1/agencies/" + demoAgency + "/applications/" + subject, null, demoAgency, null, "demo");
        List<String> steps = new ArrayList<>();
        status.path("steps").forEach(s -> steps.add(s.path("code").asText() + ":" + s.path("state").asText()));
        return status.path("status").asText() + " " + status.path("currentStep").asText() + " " + steps + " "
                + StatusFixtures.JSON.readTree(view.body()).path("events");
    }

    // --- HTTP -----------------------------------------------------------------------------------

    Answer get(String path) throws Exception {
        return send("GET", path, null, null, null, path);
    }

    /** Sends one request and holds it to the two promises every answer keeps: no 5xx, within a second. */
    Answer send(String method, String path, String contentType, String agency, byte[] body, String described) throws Exception {
        trail.add(method + " " + path + " " + (described.length() > 300 ? described.substring(0, 300) + "…" : described));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (agency != null) {
            request.header("Authorization", Tokens.bearer(agency, Tokens.ALL_GROUPS));
        }
        long began = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (millis > slowest) {
            slowest = millis;
            slowestRequest = trail.get(trail.size() - 1);
        }
        assertTrue(response.statusCode() < 500, "a " + response.statusCode() + " for " + described + ": " + response.body());
        assertTrue(millis < ANSWER_WITHIN_MILLIS, "answered in " + millis + " ms: " + described);
        return new Answer(response.statusCode(), response.body(), millis);
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
