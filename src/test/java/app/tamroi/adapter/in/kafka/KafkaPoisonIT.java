package app.tamroi.adapter.in.kafka;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.Api;
import app.tamroi.support.KafkaBroker;
import app.tamroi.support.KafkaRecords;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.StoreRefusal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every kind of poison a back office can put on the topic, among good records and in the same
 * partition: exactly the poison lands on the dead-letter topic, each with its reason; every good
 * record is applied once; and the channel keeps consuming afterwards.
 */
@QuarkusTest
class KafkaPoisonIT {

    static final String AGENCY = "poison-agency";
    static final String SERVICE = "kp-pit-refund";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

    @Inject
    AgroalDataSource dataSource;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** One key for every record, so that they share a partition and arrive in the order sent. */
    final String key = "poison-" + run;

    record Poison(String marker, byte[] value, String reason) {
    }

    static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    ObjectNode event(String marker, String subject) {
        return Api.event(marker, "tamroi.application.submitted", subject, anHourAgo(), SERVICE, null);
    }

    /** A poison record whose JSON is written by hand from a valid event with one thing spoilt. */
    Poison spoilt(String name, String reason, Function<ObjectNode, String> spoil) {
        String marker = "p-" + run + "-" + name;
        return new Poison(marker, spoil.apply(event(marker, "s-" + marker)).getBytes(StandardCharsets.UTF_8), reason);
    }

    List<Poison> poisons() {
        List<Poison> poisons = new ArrayList<>();
        String notJson = "p-" + run + "-not-json";
        poisons.add(new Poison(notJson, ("{not json " + notJson).getBytes(StandardCharsets.UTF_8), "not valid JSON"));
        String latin1 = "p-" + run + "-latin1";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(event(latin1, "s-" + latin1).toString().replace("\"s-", "\"\u00e9s-").getBytes(StandardCharsets.ISO_8859_1));
        poisons.add(new Poison(latin1, bytes.toByteArray(), "not UTF-8"));
        String overlong = "p-" + run + "-overlong";
        bytes = new ByteArrayOutputStream();
        String json = event(overlong, "s-" + overlong).toString();
        int cut = json.indexOf("s-" + overlong);
        bytes.writeBytes(json.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // '/' in two bytes: an overlong form
        bytes.writeBytes(json.substring(cut).getBytes(StandardCharsets.UTF_8));
        poisons.add(new Poison(overlong, bytes.toByteArray(), "not UTF-8"));
        poisons.add(spoilt("duplicate-key", "Duplicate field", e -> e.toString().replaceFirst("\\{", "{\"subject\":\"first\",")));
        poisons.add(spoilt("nul", "control character U+0000", e -> e.toString().replace("\"subject\":\"s-", "\"subject\":\"\\u0000s-")));
        poisons.add(spoilt("surrogate", "lone surrogate", e -> e.toString().replace("\"subject\":\"s-", "\"subject\":\"\\ud800s-")));
        poisons.add(spoilt("bell-in-source", "control character U+0007",
                e -> e.put("source", "urn:test:\u0007").toString()));
        poisons.add(spoilt("year-zero", "lies before", e -> e.put("time", "0000-01-01T00:00:00Z").toString()));
        poisons.add(spoilt("year-minus-a-billion", "lies before",
                e -> e.put("time", "-999999999-01-01T00:00:00Z").toString()));
        poisons.add(spoilt("unknown-service", "no service", e -> {
            ((ObjectNode) e.get("data")).put("service", "no-such-service");
            return e.toString();
        }));
        poisons.add(spoilt("deep", "nesting depth", e -> e.toString().replace("\"data\":{",
                "\"extra\":" + "[".repeat(200) + "]".repeat(200) + ",\"data\":{")));
        poisons.add(spoilt("refused-by-store", "the database refused", e -> {
            ((ObjectNode) e.get("data")).put("publicNote", StoreRefusal.MARK);
            return e.toString();
        }));
        return poisons;
    }

    @Test
    void exactlyThePoisonIsDeadLetteredEveryGoodRecordIsAppliedOnceAndConsumptionGoesOn() {
        Api.publish(AGENCY, StatusFixtures.timeline("pit-refund", AGENCY).put("code", SERVICE)).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        List<Poison> poisons = poisons();
        List<String> good = new ArrayList<>();
        try (StoreRefusal refusal = StoreRefusal.install(dataSource)) {
            for (Poison p : poisons) {
                String subject = "g-" + run + "-" + good.size();
                good.add(subject);
                KafkaRecords.send(KafkaBroker.STEP_EVENTS, key, event("g-" + subject, subject).toString(), STRUCTURED);
                KafkaRecords.sendBytes(KafkaBroker.STEP_EVENTS, key, p.value(), STRUCTURED);
            }
            // a good record after all the poison: once it is applied, every record before it was handled
            String last = "g-" + run + "-last";
            good.add(last);
            KafkaRecords.send(KafkaBroker.STEP_EVENTS, key, event("g-" + last, last).toString(), STRUCTURED);
            for (String subject : good) {
                await().atMost(PATIENCE).untilAsserted(() -> Api.agencyView(AGENCY, subject, null).then()
                        .statusCode(200).body("events", hasSize(1)).body("status.currentStep", equalTo("received")));
            }
        }

        List<ConsumerRecord<String, String>> dead = KafkaRecords.awaitRecords(KafkaBroker.STEP_EVENTS_DLQ,
                r -> key.equals(r.key()), poisons.size(), PATIENCE);
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : dead) {
            Poison p = poisons.stream().filter(x -> r.value().contains(x.marker())).findFirst()
                    .orElseThrow(() -> new AssertionError("a good record was dead-lettered: " + r.value()));
            reasons.put(p.marker(), KafkaRecords.header(r, Channels.DLQ_REASON_HEADER));
        }
        assertEquals(poisons.size(), reasons.size(), "each poison once on the DLQ: " + reasons.keySet());
        for (Poison p : poisons) {
            String reason = reasons.get(p.marker());
            assertTrue(reason.contains(p.reason()), p.marker() + " was dead-lettered for: " + reason);
        }
        long extra = KafkaRecords.readFor(KafkaBroker.STEP_EVENTS_DLQ, Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key())).count();
        assertEquals(poisons.size(), extra, "nothing but the poison, each once, on the DLQ");

        // and the channel still consumes
        String after = "g-" + run + "-after";
        KafkaRecords.send(KafkaBroker.STEP_EVENTS, key, event("g-" + after, after).toString(), STRUCTURED);
        await().atMost(PATIENCE).untilAsserted(() -> Api.agencyView(AGENCY, after, null).then().statusCode(200)
                .body("events", hasSize(1)));
    }
}
