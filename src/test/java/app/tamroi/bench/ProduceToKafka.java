package app.tamroi.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Puts the whole Kafka workload on the topic before Tamroi's consumer runs, so that ingestion is
 * then measured on its own, never waiting for a producer. A smaller warm-up workload goes first:
 * in each partition its records come before the measured ones, so Tamroi's JIT compiler has done
 * most of its work (on two cores it takes half of one for the first half minute) by the time
 * the measured events are read, as in a service that has been up for a while.
 */
public final class ProduceToKafka {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int apps = BenchSettings.intProperty("bench.apps", 100_000);
        int warmupApps = BenchSettings.intProperty("bench.warmup.apps", 20_000);
        StepEventWorkload warmup = settings.workload("W", warmupApps, true);
        StepEventWorkload workload = settings.workload("K", apps, true);
        results.put("kafka.warmup_records", warmup.events().size());
        results.put("kafka.warmup_expected_applied", warmup.count(StepEventWorkload.Kind.VALID));
        results.put("kafka.records", workload.events().size());
        results.put("kafka.expected_applied", workload.count(StepEventWorkload.Kind.VALID));
        results.put("kafka.expected_duplicates", workload.count(StepEventWorkload.Kind.DUPLICATE));
        results.put("kafka.expected_rejected", workload.count(StepEventWorkload.Kind.MALFORMED));
        results.put("kafka.expected_applications", workload.applicationsCreated());
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = KafkaStepEvents.producer(settings.kafka(), true)) {
            for (StepEventWorkload.Event e : warmup.events()) {
                producer.send(KafkaStepEvents.record(e));
            }
            producer.flush();
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
