package app.tamroi.usecase.ingest;

/**
 * A CloudEvent as it came off the wire, before any check: every attribute as text. {@code malformed}
 * carries the reason when the envelope itself could not be read (not JSON, an attribute that is
 * not a string), so that channel and HTTP answer alike.
 */
public record IncomingStepEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String service,
        String step,
        String publicNote,
        String malformed) {

    public static IncomingStepEvent malformed(String id, String source, String reason) {
        return new IncomingStepEvent(null, id, source, null, null, null, null, null, null, reason);
    }
}
