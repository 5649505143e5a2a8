package app.tamroi.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Step events as Kafka records, the way docs/events.md asks back offices to send them. */
final class KafkaStepEvents {

    static final String TOPIC = "tamroi.step-events";
    static final String DLQ = "tamroi.step-events.dlq";

    private KafkaStepEvents() {
    }

    /** A back office's producer with the client's defaults, except what a bulk load may set. */
    static KafkaProducer<String, byte[]> producer(String bootstrap, boolean bulk) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        if (bulk) {
            p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        }
        return new KafkaProducer<>(p);
    }

    /** Key = subject, so one application's events stay in one partition. */
    static ProducerRecord<String, byte[]> record(StepEventWorkload.Event e) {
        ProducerRecord<String, byte[]> r;
        if (e.binary()) {
            r = new ProducerRecord<>(TOPIC, e.subject(), StepEventWorkload.binaryValue(e));
            for (Map.Entry<String, String> h : StepEventWorkload.binaryHeaders(e).entrySet()) {
                r.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } else {
            r = new ProducerRecord<>(TOPIC, e.subject(), StepEventWorkload.structured(e));
            r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }
}
