package app.tamroi.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Puts the whole Kafka workload on the topic before Tamroi's consumer runs, so that ingestion is
 * then measured on its own, never waiting for a producer.
 */
public final class ProduceToKafka {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int apps = BenchSettings.intProperty("bench.apps", 100_000);
        StepEventWorkload workload = settings.workload("K", apps, true);
        results.put("kafka.records", workload.events().size());
        results.put("kafka.expected_applied", workload.count(StepEventWorkload.Kind.VALID));
        results.put("kafka.expected_duplicates", workload.count(StepEventWorkload.Kind.DUPLICATE));
        results.put("kafka.expected_rejected", workload.count(StepEventWorkload.Kind.MALFORMED));
        results.put("kafka.expected_applications", workload.applicationsCreated());
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = KafkaStepEvents.producer(settings.kafka(), true)) {
            for (StepEventWorkload.Event e : workload.events()) {
                producer.send(KafkaStepEvents.record(e), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records could not be produced", firstFailure.get());
        }
        results.put("kafka.produce_records_per_s", workload.events().size() / seconds);
    }
}
