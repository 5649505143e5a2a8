package app.tamroi.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Latency from a back office's send to the event being part of the citizen's status, at a steady
 * rate. A status read derives the status from the committed log, so "visible" is the moment the
 * event's row is committed; a watcher reads new rows every couple of milliseconds and stamps them.
 * Latency = that stamp − the moment just before {@code producer.send}, both on this JVM's clock.
 */
public final class ProduceToVisibleLatency {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int rate = BenchSettings.intProperty("bench.latency.rate", 1000);
        int seconds = BenchSettings.intProperty("bench.latency.seconds", 60);
        int total = rate * seconds;
        // about seven records an application; ask for enough and send the first `total`
        StepEventWorkload workload = settings.workload("L", total / 5, true);
        List<StepEventWorkload.Event> stream = workload.events().subList(0, Math.min(total, workload.events().size()));
        Map<String, long[]> sentAt = new ConcurrentHashMap<>();
        // per event: send → visible, send → Tamroi's transaction began, transaction began → visible (nanos)
        List<long[]> latencies = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        long expected = stream.stream().filter(e -> e.kind() == StepEventWorkload.Kind.VALID).count();

        // the watcher's starting point is read before the first send, or the first rows could slip past it
        Connection watching = settings.connect();
        NewStepEventRows rows = new NewStepEventRows(watching, false);
        Thread watcher = new Thread(() -> watch(watching, rows, sentAt, latencies, expected, sending), "watcher");
        try (KafkaProducer<String, byte[]> producer = KafkaStepEvents.producer(settings.kafka(), false)) {
            // the producer's first metadata fetch is not part of any event's latency
            producer.partitionsFor(KafkaStepEvents.TOPIC);
            watcher.start();
            long interval = 1_000_000_000L / rate;
            long began = System.nanoTime();
            for (int i = 0; i < stream.size(); i++) {
                long due = began + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                StepEventWorkload.Event e = stream.get(i);
                if (e.kind() == StepEventWorkload.Kind.VALID) {
                    java.time.Instant wall = java.time.Instant.now();
                    sentAt.put(e.source() + '\n' + e.id(), new long[] {System.nanoTime(),
                            wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1000});
                }
                producer.send(KafkaStepEvents.record(e));
            }
            double sendSeconds = (System.nanoTime() - began) / 1e9;
            results.put("latency.sent_per_s", stream.size() / sendSeconds);
            sending.set(false);
            producer.flush();
        }
        watcher.join(120_000);
        long[] sorted;
        long[] queued;
        long[] stored;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(l -> l[0]).sorted().toArray();
            queued = latencies.stream().mapToLong(l -> l[1]).sorted().toArray();
            stored = latencies.stream().mapToLong(l -> l[2]).sorted().toArray();
        }
        results.put("latency.records", stream.size());
        results.put("latency.measured", sorted.length);
        results.put("latency.expected", expected);
        results.put("latency.p50_ms", percentile(sorted, 50) / 1e6);
        results.put("latency.p90_ms", percentile(sorted, 90) / 1e6);
        results.put("latency.p99_ms", percentile(sorted, 99) / 1e6);
        results.put("latency.max_ms", sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
        // where the time goes: before Tamroi's transaction begins (producer, broker, poll, queue), and in it
        results.put("latency.to_transaction_p50_ms", percentile(queued, 50) / 1e6);
        results.put("latency.to_transaction_p99_ms", percentile(queued, 99) / 1e6);
        results.put("latency.in_transaction_p50_ms", percentile(stored, 50) / 1e6);
        results.put("latency.in_transaction_p99_ms", percentile(stored, 99) / 1e6);
    }

    private static void watch(Connection c, NewStepEventRows rows, Map<String, long[]> sentAt, List<long[]> latencies,
                              long expected, AtomicBoolean sending) {
        long pollNanos = Long.getLong("bench.latency.poll-micros", 2000) * 1000;
        try (c) {
            long found = 0;
            long quietSince = System.nanoTime();
            while (found < expected) {
                List<NewStepEventRows.Row> fresh = rows.poll();
                long now = System.nanoTime();
                java.time.Instant wall = java.time.Instant.now();
                long nowMicros = wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1000;
                for (NewStepEventRows.Row row : fresh) {
                    long[] sent = sentAt.remove(row.source() + '\n' + row.eventId());
                    if (sent != null) {
                        synchronized (latencies) {
                            latencies.add(new long[] {now - sent[0], (row.receivedAtMicros() - sent[1]) * 1000,
                                    (nowMicros - row.receivedAtMicros()) * 1000});
                        }
                        found++;
                    }
                }
                if (!fresh.isEmpty()) {
                    quietSince = now;
                } else if (!sending.get() && now - quietSince > 30_000_000_000L) {
                    System.out.printf("  watcher: %d of %d events never became visible, e.g. %s%n", expected - found, expected,
                            sentAt.keySet().stream().limit(3).map(k -> k.replace('\n', ' ')).toList());
                    return;
                }
                LockSupport.parkNanos(pollNanos);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
