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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Back offices that speak Kafka: both CloudEvents modes, poison messages, redelivery. */
@QuarkusTest
class StepEventsOverKafkaIT {

    static final String AGENCY = "kafka-agency";
    static final String SERVICE = "kf-pit-refund";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Operators read metrics on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void publishService() {
        var timeline = StatusFixtures.timeline("pit-refund", AGENCY).put("code", SERVICE);
        int status = Api.publish(AGENCY, timeline).statusCode();
        assertTrue(status == 200 || status == 201, "publish answered " + status);
    }

    static String subject() {
        return "kafka-" + UUID.randomUUID();
    }

    static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void sendStructured(String subject, String id, String type, String time, String step) {
        KafkaRecords.send(KafkaBroker.STEP_EVENTS, subject,
                Api.event(id, type, subject, time, SERVICE, step).toString(),
                Map.of("content-type", "application/cloudevents+json; charset=utf-8"));
    }

    static void awaitEventCount(String subject, int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                Api.agencyView(AGENCY, subject, null).then().statusCode(200).body("events", hasSize(count)));
    }

    @Test
    void structuredSubmissionStartsTheJourney() {
        String subject = subject();
        sendStructured(subject, "s-" + subject, "tamroi.application.submitted", anHourAgo(), null);
        await().atMost(PATIENCE).untilAsserted(() -> Api.agencyView(AGENCY, subject, null).then()
                .statusCode(200)
                .body("status.currentStep", equalTo("received"))
                .body("status.trackingCode", org.hamcrest.Matchers.matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}"))
                .body("events[0].channel", equalTo("kafka")));
    }

    @Test
    void binaryModeEventMovesTheApplicationOn() {
        String subject = subject();
        sendStructured(subject, "s-" + subject, "tamroi.application.submitted", anHourAgo(), null);
        KafkaRecords.send(KafkaBroker.STEP_EVENTS, subject, "{\"service\":\"" + SERVICE + "\",\"step\":\"received\"}",
                Map.of("ce_specversion", "1.0", "ce_id", "c-" + subject, "ce_source", "urn:test:binary",
                        "ce_type", "tamroi.step.completed", "ce_subject", subject,
                        "ce_time", Instant.now().minusSeconds(60).toString(),
                        "content-type", "application/json", "ce_datacontenttype", "application/json"));
        await().atMost(PATIENCE).untilAsserted(() -> Api.agencyView(AGENCY, subject, null).then()
                .statusCode(200)
                .body("status.currentStep", equalTo("verification"))
                .body("status.steps[0].state", equalTo("DONE")));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        String subject = subject();
        KafkaRecords.send(KafkaBroker.STEP_EVENTS, subject, "{not json at all", Map.of(
                "content-type", "application/cloudevents+json"));
        sendStructured(subject, "u-" + subject, "tamroi.application.submitted", anHourAgo(), null);
        KafkaRecords.send(KafkaBroker.STEP_EVENTS, subject,
                Api.event("x-" + subject, "tamroi.application.submitted", subject, anHourAgo(), "no-such-service", null).toString(),
                Map.of("content-type", "application/cloudevents+json"));

        var dead = KafkaRecords.awaitRecords(KafkaBroker.STEP_EVENTS_DLQ, r -> subject.equals(r.key()), 2, PATIENCE);
        ConsumerRecord<String, String> notJson = dead.stream().filter(r -> r.value().startsWith("{not")).findFirst().orElseThrow();
        assertTrue(KafkaRecords.header(notJson, Channels.DLQ_REASON_HEADER).contains("not valid JSON"),
                KafkaRecords.header(notJson, Channels.DLQ_REASON_HEADER));
        ConsumerRecord<String, String> unknown = dead.stream().filter(r -> r.value().contains("no-such-service")).findFirst().orElseThrow();
        assertTrue(KafkaRecords.header(unknown, Channels.DLQ_REASON_HEADER).contains("no-such-service"));
        awaitEventCount(subject, 1);
    }

    @Test
    void consumerLagIsVisibleToOperators() {
        String subject = subject();
        sendStructured(subject, "lag-" + subject, "tamroi.application.submitted", anHourAgo(), null);
        awaitEventCount(subject, 1);
        await().atMost(PATIENCE).untilAsserted(() -> io.restassured.RestAssured.given().get(metrics).then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kafka_consumer_fetch_manager_records_lag_max")));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String subject = subject();
        String time = anHourAgo();
        sendStructured(subject, "d-" + subject, "tamroi.application.submitted", time, null);
        sendStructured(subject, "d-" + subject, "tamroi.application.submitted", time, null);
        sendStructured(subject, "e-" + subject, "tamroi.step.completed", time, "received");
        awaitEventCount(subject, 2);
        var view = Api.agencyView(AGENCY, subject, null).then().extract().jsonPath();
        assertEquals(1, view.getList("events.id").stream().filter(("d-" + subject)::equals).count());
        assertEquals("verification", view.getString("status.currentStep"));
    }
}
