package app.tamroi.adapter.in.kafka;

import app.tamroi.adapter.in.cloudevents.CloudEventReader;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Sender;
import app.tamroi.adapter.in.json.StrictJson;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Step events from Kafka, a poll's worth at a time in one transaction. Kafka is a trusted channel
 * (broker ACLs decide who may write), so no token is checked; what cannot be applied goes to the
 * dead-letter topic with the reason, and consumption goes on.
 */
@ApplicationScoped
public class StepEventsConsumer {

    private static final Logger LOG = Logger.getLogger(StepEventsConsumer.class);

    private static final java.time.Duration RETRY_FOR = java.time.Duration.ofMinutes(2);

    private final IngestStepEvents ingest;
    private final CloudEventReader reader;
    private final MutinyEmitter<byte[]> deadLetters;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public StepEventsConsumer(IngestStepEvents ingest, StrictJson json,
                              @Channel(Channels.STEP_EVENTS_DLQ) MutinyEmitter<byte[]> deadLetters) {
        this.ingest = ingest;
        this.reader = new CloudEventReader(json);
        this.deadLetters = deadLetters;
    }

    @Incoming(Channels.STEP_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        List<IncomingStepEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(read(record));
        }
        List<EventOutcome> outcomes = ingestRetrying(events);
        for (int i = 0; i < outcomes.size(); i++) {
            EventOutcome outcome = outcomes.get(i);
            if (outcome.outcome() == EventOutcome.Outcome.REJECTED) {
                deadLetter(records.get(i), outcome.problem().map(p -> p.detail()).orElse("rejected"));
            }
        }
    }

    /**
     * A database that is briefly away must not stop consumption: the batch is tried again (it is
     * one transaction, so nothing is half-applied) with growing pauses. Past the limit the failure
     * propagates, the channel stops and readiness reports it, so that the orchestrator restarts us
     * and the uncommitted offsets are consumed again. Once Tamroi is stopping, the database is going
     * away for good: the batch is handed back at once, uncommitted, for the next owner of the
     * partition, instead of holding up the shutdown and the group's rebalance.
     */
    private List<EventOutcome> ingestRetrying(List<IncomingStepEvent> events) {
        long pauseMillis = 200;
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                return ingest.ingest(events, Sender.kafka());
            } catch (RuntimeException e) {
                // ingestion settles every data fault by itself (those records are dead-lettered): what
                // reaches here is the store being away
                if (System.nanoTime() > deadline || stopping.getCount() == 0) {
                    throw e;
                }
                LOG.warnf("a batch of %d events could not be stored (%s); trying again in %d ms", events.size(),
                        e.getMessage(), pauseMillis);
                try {
                    if (stopping.await(pauseMillis, TimeUnit.MILLISECONDS)) {
                        throw e;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    /** As early in the shutdown as possible: a batch that fails from then on, or is pausing, gives up at once. */
    void stopRetrying(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping.countDown();
    }

    IncomingStepEvent read(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key().toLowerCase(Locale.ROOT), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (record.value() == null) {
            return IncomingStepEvent.malformed(headers.get("ce_id"), headers.get("ce_source"), "the message has no value");
        }
        // binary mode carries the attributes in ce_ headers; structured mode says so in its content type
        boolean binary = headers.containsKey("ce_specversion") && !contentType.startsWith("application/cloudevents");
        return binary ? reader.binary(headers, record.value()) : reader.structured(record.value());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.debugf("dead letter %s@%d: %s", record.topic(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(Channels.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("tamroi-dlq-origin", (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        deadLetters.sendMessageAndAwait(Message.of(value).addMetadata(metadata));
    }
}
