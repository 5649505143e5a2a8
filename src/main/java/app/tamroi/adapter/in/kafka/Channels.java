package app.tamroi.adapter.in.kafka;

/** Channel names, in one place; topics are set per channel in application.properties. */
public final class Channels {
    public static final String STEP_EVENTS = "step-events";
    public static final String STEP_EVENTS_DLQ = "step-events-dlq";
    public static final String DLQ_REASON_HEADER = "tamroi-dlq-reason";

    private Channels() {
    }
}
