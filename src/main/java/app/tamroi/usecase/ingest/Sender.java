package app.tamroi.usecase.ingest;

import app.tamroi.usecase.access.Caller;
import java.util.Optional;

/**
 * Who sent a batch: the channel it came by (kept with every event in the log) and, over HTTP, the
 * agency behind the token. Kafka, the demo and an operator's import are trusted channels with no
 * caller: who may write to the topic is the broker's decision, who may run a command the operator's.
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

    /** An operator importing an agency's history from a file (the import-log command). */
    public static Sender importLog() {
        return new Sender("import", Optional.empty());
    }
}
