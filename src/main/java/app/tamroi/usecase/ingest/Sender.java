package app.tamroi.usecase.ingest;

import app.tamroi.usecase.access.Caller;
import java.util.Optional;

/**
 * Who sent a batch: the channel it came by (kept with every event in the log) and, over HTTP, the
 * agency behind the token. Kafka and the demo are trusted channels with no caller: who may write to
 * the topic is the broker's decision.
 */
public record Sender(String channel, Optional<Caller> caller) {

    public static Sender http(Caller caller) {
        return new Sender("http", Optional.of(caller));
    }

    public static Sender kafka() {
        return new Sender("kafka", Optional.empty());
    }

    public static Sender demo() {
        return new Sender("demo", Optional.empty());
    }
}
