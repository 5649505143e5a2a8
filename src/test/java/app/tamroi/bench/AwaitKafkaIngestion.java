package app.tamroi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the log fill from the pre-produced topic and times it. Sustained rate = measured (K-)
 * events stored / (the moment the last event was seen committed − the start of the first
 * transaction that stored a measured event, its {@code received_at}), both on the database's
 * clock. The warm-up (W-) events before them are left out; the cold rate, over everything from
 * Tamroi's first transaction, is reported beside it. It is started before Tamroi, so it waits for
 * the schema first.
 */
public final class AwaitKafkaIngestion {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        long expected = results.number("kafka.expected_applied").orElseThrow().longValue()
                + results.number("kafka.warmup_expected_applied").orElse(0.0).longValue();
        awaitSchema(settings);
        long stallLimitMillis = Duration.ofSeconds(Long.getLong("bench.stall-seconds", 120)).toMillis();
        long seen = 0;
        long lastProgress = System.currentTimeMillis();
        long lastReport = 0;
        OffsetDateTime end;
        try (Connection c = settings.connect();
             PreparedStatement clock = c.prepareStatement("select clock_timestamp()")) {
            NewStepEventRows rows = new NewStepEventRows(c, true);
            while (true) {
                long fresh = rows.poll().stream().filter(r -> "kafka".equals(r.channel())).count();
                try (ResultSet rs = clock.executeQuery()) {
                    rs.next();
                    end = rs.getObject(1, OffsetDateTime.class);
                }
                if (fresh > 0) {
                    seen += fresh;
                    lastProgress = System.currentTimeMillis();
                }
                if (seen >= expected) {
                    break;
                }
                if (System.currentTimeMillis() - lastProgress > stallLimitMillis) {
                    throw new IllegalStateException("no progress for " + stallLimitMillis / 1000 + " s at " + seen + " of "
                            + expected + " events; see Tamroi's log");
                }
                if (System.currentTimeMillis() - lastReport > 10_000) {
                    System.out.printf("  ... %d of %d events stored%n", seen, expected);
                    lastReport = System.currentTimeMillis();
                }
                Thread.sleep(100);
            }
        }
        try (Connection c = settings.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(e.received_at) filter (where a.subject like 'K-%'), "
                     + "count(*) filter (where a.subject like 'K-%'), min(e.received_at), count(*), "
                     + "count(distinct e.received_at), count(distinct a.id) filter (where a.subject like 'K-%') "
                     + "from step_event e join application a on a.id = e.application_id where e.channel = 'kafka'")) {
            rs.next();
            double seconds = Duration.between(rs.getObject(1, OffsetDateTime.class), end).toNanos() / 1e9;
            long stored = rs.getLong(2);
            double coldSeconds = Duration.between(rs.getObject(3, OffsetDateTime.class), end).toNanos() / 1e9;
            results.put("kafka.stored", stored);
            results.put("kafka.transactions", rs.getLong(5));
            results.put("kafka.applications", rs.getLong(6));
            results.put("kafka.seconds", seconds);
            results.put("kafka.events_per_s", stored / seconds);
            results.put("kafka.cold_seconds", coldSeconds);
            results.put("kafka.cold_events_per_s", rs.getLong(4) / coldSeconds);
        }
        // the dead letters are sent after each poll's commit: count them once their number stops growing
        long[] last = {-1};
        long deadLetters = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> endOffsets(settings, KafkaStepEvents.DLQ), n -> {
                    boolean settled = n == last[0];
                    last[0] = n;
                    return settled;
                });
        results.put("kafka.dead_letters", deadLetters);
    }

    /** Started before Tamroi, so that no event is missed: the log exists once Flyway has run. */
    private static void awaitSchema(BenchSettings settings) {
        org.awaitility.Awaitility.await("Tamroi creates its tables").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (Connection c = settings.connect(); Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("select to_regclass('step_event') is not null")) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
    }

    static long endOffsets(BenchSettings settings, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions.stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList()));
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
