package app.tamroi.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;

/** The HTTP calls an agency's systems make, spelled once for every IT. */
public final class Api {

    private Api() {
    }

    public static Response publish(String agency, JsonNode timeline) {
        return given().header("Authorization", Tokens.bearer(agency, "timeline-editor"))
                .contentType("application/json").body(timeline.toString())
                .put("/api/v1/services/{code}", timeline.path("code").asText());
    }

    public static Response postEvent(String agency, JsonNode event) {
        return given().header("Authorization", Tokens.bearer(agency, "event-publisher"))
                .contentType("application/cloudevents+json").body(utf8(event))
                .post("/api/v1/events");
    }

    public static Response postBatch(String agency, JsonNode events) {
        return given().header("Authorization", Tokens.bearer(agency, "event-publisher"))
                .contentType("application/cloudevents-batch+json").body(utf8(events))
                .post("/api/v1/events");
    }

    public static Response agencyView(String agency, String subject, String asOf) {
        var request = given().header("Authorization", Tokens.bearer(agency, "agency-viewer"));
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/agencies/{agency}/applications/{subject}", agency, subject);
    }

    /** A CloudEvent in structured mode. */
    public static ObjectNode event(String id, String type, String subject, String time, String service, String step) {
        ObjectNode e = StatusFixtures.JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", "urn:test:back-office").put("type", type)
                .put("subject", subject).put("time", time);
        ObjectNode data = e.putObject("data").put("service", service);
        if (step != null) {
            data.put("step", step);
        }
        return e;
    }

    /**
     * As bytes, because REST Assured encodes a text body of a content type it does not know as
     * ISO-8859-1, which turns a Thai public note into question marks.
     */
    private static byte[] utf8(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

}
