package app.tamroi.adapter.in.cloudevents;

import app.tamroi.adapter.in.json.StrictJson;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Reads a CloudEvent in either mode into the same {@link IncomingStepEvent}, so HTTP, Kafka
 * structured and Kafka binary events mean exactly the same thing. It judges nothing: a value of
 * the wrong JSON kind is reported as malformed, everything else is checked by the use case.
 */
public final class CloudEventReader {

    private final StrictJson json;

    public CloudEventReader(StrictJson json) {
        this.json = json;
    }

    /** Structured mode: the whole event is one JSON object. */
    public IncomingStepEvent structured(JsonNode event) {
        if (event == null || !event.isObject()) {
            return IncomingStepEvent.malformed(null, null, "an event must be a JSON object");
        }
        String id = text(event, "id");
        String source = text(event, "source");
        for (String attribute : new String[] {"specversion", "id", "source", "type", "subject", "time"}) {
            JsonNode v = event.get(attribute);
            if (v != null && !v.isNull() && !v.isTextual()) {
                return IncomingStepEvent.malformed(id, source, attribute + " must be a string");
            }
        }
        return withData(text(event, "specversion"), id, source, text(event, "type"), text(event, "subject"),
                text(event, "time"), event.get("data"));
    }

    public IncomingStepEvent structured(byte[] body) {
        try {
            return structured(json.tree(body));
        } catch (StrictJson.UnreadableJson e) {
            return IncomingStepEvent.malformed(null, null, "the message is not valid JSON: " + e.getMessage());
        }
    }

    /** Binary mode: attributes in {@code ce_*} headers, the value is the data alone. */
    public IncomingStepEvent binary(Map<String, String> headers, byte[] value) {
        JsonNode data;
        try {
            data = value == null || value.length == 0 ? null : json.tree(value);
        } catch (StrictJson.UnreadableJson e) {
            return IncomingStepEvent.malformed(headers.get("ce_id"), headers.get("ce_source"),
                    "the data is not valid JSON: " + e.getMessage());
        }
        return withData(headers.get("ce_specversion"), headers.get("ce_id"), headers.get("ce_source"),
                headers.get("ce_type"), headers.get("ce_subject"), headers.get("ce_time"), data);
    }

    private IncomingStepEvent withData(String specversion, String id, String source, String type, String subject,
                                       String time, JsonNode data) {
        if (data == null || data.isNull()) {
            return IncomingStepEvent.malformed(id, source, "data is required: {\"service\": …, \"step\": …}");
        }
        if (!data.isObject()) {
            return IncomingStepEvent.malformed(id, source, "data must be a JSON object");
        }
        for (String field : new String[] {"service", "step", "publicNote"}) {
            JsonNode v = data.get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                return IncomingStepEvent.malformed(id, source, "data." + field + " must be a string");
            }
        }
        return new IncomingStepEvent(specversion, id, source, type, subject, time, text(data, "service"),
                text(data, "step"), text(data, "publicNote"), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }
}
