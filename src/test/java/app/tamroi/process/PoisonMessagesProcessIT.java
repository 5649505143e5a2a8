package app.tamroi.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.KafkaBroker;
import app.tamroi.support.KafkaRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Poison messages of every kind Tamroi refuses, scattered through a stream of good events: exactly
 * those reach the dead-letter topic, each once, as it was sent, with the reason and where it was
 * read; every good event is still applied, once.
 */
class PoisonMessagesProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("poison");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One way to get an event wrong, and the words the dead letter must give for it. */
    private record Poison(String kind, String reason, Function<String, ProducerRecord<String, byte[]>> record) {
    }

    private static final List<Poison> POISONS = List.of(
            new Poison("not JSON", "the message is not valid JSON",
                    key -> structured(key, "{\"specversion\": \"1.0\", \"id\": ")),
            new Poison("no value", "the message has no value",
                    key -> new ProducerRecord<>(Caseload.TOPIC, key, null)),
            new Poison("not an object", "an event must be a JSON object",
                    key -> structured(key, "[\"" + key + "\"]")),
            new Poison("unknown service", "no service 'pit-refnd' has been published",
                    key -> structured(key, event(key).put("time", past()).set("data", data("pit-refnd", null)))),
            new Poison("unknown step", "has no step 'audit'",
                    key -> structured(key, event(key).put("type", "tamroi.step.completed").put("time", past())
                            .set("data", data(Caseload.SERVICE, "audit")))),
            new Poison("unknown type", "'tamroi.application.teleported' is not a Tamroi step event type",
                    key -> structured(key, event(key).put("type", "tamroi.application.teleported").put("time", past()))),
            new Poison("in the future", "ahead of this server's clock",
                    key -> structured(key, event(key).put("time", Instant.now().plus(1, ChronoUnit.DAYS).toString()))),
            new Poison("no subject", "subject is required",
                    key -> structured(key, event(key).put("time", past()).without("subject"))),
            new Poison("old specversion", "specversion 0.3 is not supported",
                    key -> structured(key, event(key).put("time", past()).put("specversion", "0.3"))),
            new Poison("time without offset", "is not an RFC 3339 timestamp",
                    key -> structured(key, event(key).put("time", "2026-10-16 09:00"))),
            new Poison("binary data not JSON", "the data is not valid JSON", PoisonMessagesProcessIT::binaryNotJson));

    @Test
    void exactlyThePoisonReachesTheDeadLetterTopicWithItsReason() throws Exception {
        Scale scale = TESTBED.scale();
        Database database = TESTBED.database();
        Caseload caseload = Caseload.of("PSN", scale.applications(), 51);
        int events = caseload.eventKeys().size();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(caseload.records());
        Map<String, Poison> poisonByKey = new HashMap<>();
        Random random = new Random(52);
        int poisonCount = Math.max(3 * POISONS.size(), scale.applications() / 50);
        for (int i = 0; i < poisonCount; i++) {
            Poison poison = POISONS.get(i % POISONS.size());
            String key = String.format("PSN-poison-%04d", i);
            poisonByKey.put(key, poison);
            records.add(random.nextInt(records.size() + 1), poison.record().apply(key));
        }
        TamroiInstance tamroi = TESTBED.instance("a");
        tamroi.start();

        TESTBED.awaitHoldingAllPartitions(tamroi);
        long began = System.nanoTime();
        Duration allLogged;
        try (EventStream stream = new EventStream(TESTBED.bootstrapServers(), records, scale.eventsPerSecond()).start();
             ConsumerGroup group = TESTBED.consumerGroup()) {
            stream.awaitAcknowledged(scale.patience(records.size()));
            allLogged = Proofs.awaitLogged(database, events, scale.patience(records.size()), began);
            // a batch has sent its dead letters before its offsets are committed: all committed, all sent
            Proofs.awaitCaughtUp(group, scale.patience(records.size()));
            assertEquals(poisonCount, group.written(KafkaBroker.STEP_EVENTS_DLQ), "records on the dead-letter topic");
        }

        List<ConsumerRecord<String, String>> deadLetters = KafkaRecords.awaitRecords(KafkaBroker.STEP_EVENTS_DLQ, poisonCount,
                Duration.ofSeconds(30));
        Map<String, Integer> lettersPerKey = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (ConsumerRecord<String, String> letter : deadLetters) {
            lettersPerKey.merge(letter.key(), 1, Integer::sum);
            Poison poison = poisonByKey.get(letter.key());
            String reason = KafkaRecords.header(letter, "tamroi-dlq-reason");
            String origin = KafkaRecords.header(letter, "tamroi-dlq-origin");
            if (poison == null) {
                wrong.add("a good record was dead-lettered: " + letter.key() + " (" + reason + ")");
            } else if (reason == null || !reason.contains(poison.reason())) {
                wrong.add(poison.kind() + " " + letter.key() + " has reason '" + reason + "', not '" + poison.reason() + "'");
            } else if (origin == null || !origin.matches("tamroi\\.step-events/[0-2]@\\d+")) {
                wrong.add(poison.kind() + " " + letter.key() + " has origin '" + origin + "'");
            } else if (!sameValue(letter, records)) {
                wrong.add(poison.kind() + " " + letter.key() + " does not carry the value as it was sent");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " dead letters are wrong, e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
        assertEquals(poisonByKey.keySet(), lettersPerKey.keySet(), "poison messages that reached the dead-letter topic");
        assertTrue(lettersPerKey.values().stream().allMatch(n -> n == 1), "each poison message dead-lettered once: " + lettersPerKey);

        Proofs.assertEveryEventLoggedOnce(database, caseload.eventKeys());
        Proofs.assertEveryApplicationShowsItsJourney(database, caseload);
        Proofs.record(TESTBED, String.format("poison: %d records sent (%d distinct good events, %d applications, %d poison "
                        + "messages of %d kinds), %d dead letters, each with its reason; all logged %s after the stream began",
                records.size(), events, caseload.applications().size(), poisonCount, POISONS.size(), deadLetters.size(),
                Proofs.seconds(allLogged)));
    }

    /** The dead letter's value is the poison's value as sent (empty for a record that had none). */
    private static boolean sameValue(ConsumerRecord<String, String> letter, List<ProducerRecord<String, byte[]>> sent) {
        return sent.stream().filter(r -> letter.key().equals(r.key())).findFirst()
                .map(r -> new String(r.value() == null ? new byte[0] : r.value(), StandardCharsets.UTF_8).equals(letter.value()))
                .orElse(false);
    }

    private static ObjectNode event(String key) {
        ObjectNode e = JSON.createObjectNode().put("specversion", "1.0").put("id", key).put("source", Caseload.SOURCE)
                .put("type", "tamroi.application.submitted").put("subject", key);
        e.set("data", data(Caseload.SERVICE, null));
        return e;
    }

    private static ObjectNode data(String service, String step) {
        ObjectNode data = JSON.createObjectNode().put("service", service);
        return step == null ? data : data.put("step", step);
    }

    private static String past() {
        return Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ProducerRecord<String, byte[]> structured(String key, Object value) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Caseload.TOPIC, key, value.toString().getBytes(StandardCharsets.UTF_8));
        r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static ProducerRecord<String, byte[]> binaryNotJson(String key) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Caseload.TOPIC, key, "service=pit-refund".getBytes(StandardCharsets.UTF_8));
        for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", key}, {"ce_source", Caseload.SOURCE},
                {"ce_type", "tamroi.application.submitted"}, {"ce_subject", key}, {"ce_time", past()},
                {"content-type", "application/json"}}) {
            r.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }
}
