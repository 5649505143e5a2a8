package app.tamroi.process;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A back office sending records to the broker at a steady pace, so that a fault can strike while
 * events are still arriving. One producer, asynchronous sends: the pace, not the client, sets the
 * rate. The producer keeps retrying through a broker restart (for up to two minutes per record).
 */
final class EventStream implements AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final List<ProducerRecord<String, byte[]>> records;
    private final int perTick;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-stream");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch allAcknowledged;
    private volatile long startedAt;
    private volatile long lastAcknowledgedAt;

    EventStream(String bootstrapServers, List<ProducerRecord<String, byte[]>> records, int perSecond) {
        this.records = records;
        this.perTick = Math.max(1, (int) (perSecond * TICK_MILLIS / 1000));
        this.allAcknowledged = new CountDownLatch(records.size());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // the producer's own retries must not write a record twice: any double in the log is Tamroi's
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producer = new KafkaProducer<>(props);
    }

    EventStream start() {
        startedAt = System.nanoTime();
        pacer.scheduleAtFixedRate(this::sendTick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sendTick() {
        int from = sent.get();
        int to = Math.min(records.size(), from + perTick);
        for (int i = from; i < to; i++) {
            producer.send(records.get(i), (metadata, failure) -> {
                if (failure != null) {
                    failures.add(failure);
                } else {
                    acknowledged.incrementAndGet();
                    lastAcknowledgedAt = System.nanoTime();
                }
                allAcknowledged.countDown();
            });
            sent.incrementAndGet();
        }
        if (to == records.size()) {
            producer.flush();
            pacer.shutdown();
        }
    }

    int total() {
        return records.size();
    }

    int sent() {
        return sent.get();
    }

    /** Whether at least this share of the stream has been handed to the producer. */
    boolean passed(double share) {
        return sent.get() >= share * records.size();
    }

    /** Waits until the broker has acknowledged every record, failing if it refused any. */
    Duration awaitAcknowledged(Duration patience) throws InterruptedException {
        if (!allAcknowledged.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the broker acknowledged " + acknowledged.get() + " of " + records.size()
                    + " records within " + patience);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " records could not be sent; first: " + failures.peek(),
                    failures.peek());
        }
        return Duration.ofNanos(lastAcknowledgedAt - startedAt);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
