package app.tamroi.adapter.in.rest;

import app.tamroi.adapter.in.cloudevents.CloudEventReader;
import app.tamroi.adapter.in.json.StrictJson;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.EventProblem;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Sender;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Step events over HTTP: one CloudEvent, or a batch of up to a thousand. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    public static final String CLOUDEVENT = "application/cloudevents+json";
    public static final String CLOUDEVENT_BATCH = "application/cloudevents-batch+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, String source, EventOutcome.Outcome outcome, String trackingCode, Problem problem) {
        static Result of(EventOutcome o) {
            return new Result(o.id(), o.source(), o.outcome(), o.trackingCode().orElse(null),
                    o.problem().map(EventsResource::problem).orElse(null));
        }
    }

    public record Results(List<Result> results) {
    }

    /** A batch of which no event was the caller's: the problem, and each event's reason. */
    public record ForbiddenBatch(String type, String title, int status, String detail, List<Result> results) {
        ForbiddenBatch(Problem p, List<Result> results) {
            this(p.type(), p.title(), p.status(), p.detail(), results);
        }
    }

    /** A refused single event: the problem, with which event it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RejectedEvent(String type, String title, int status, String detail, String id, String source,
                                EventOutcome.Outcome outcome) {
    }

    private final IngestStepEvents ingest;
    private final Limits.Body limits;
    private final StrictJson json;
    private final CloudEventReader reader;
    private final JsonWebToken token;

    public EventsResource(IngestStepEvents ingest, Limits limits, StrictJson json, JsonWebToken token) {
        this.ingest = ingest;
        this.limits = limits.body();
        this.json = json;
        this.reader = new CloudEventReader(json);
        this.token = token;
    }

    @POST
    @Consumes(CLOUDEVENT)
    @RolesAllowed(Caller.EVENT_PUBLISHER)
    public Response one(byte[] body, @HeaderParam("Content-Type") String contentType) {
        if (contentType == null) {
            return missingContentType();
        }
        JsonNode event = parse(body);
        EventOutcome outcome = ingest.ingest(List.of(reader.structured(event)), sender()).get(0);
        if (outcome.outcome() == EventOutcome.Outcome.REJECTED) {
            Problem p = problem(outcome.problem().orElseThrow());
            return Response.status(p.status()).type(Problem.MEDIA_TYPE)
                    .entity(new RejectedEvent(p.type(), p.title(), p.status(), p.detail(), outcome.id(), outcome.source(),
                            outcome.outcome()))
                    .build();
        }
        return Response.ok(Result.of(outcome)).build();
    }

    @POST
    @Consumes(CLOUDEVENT_BATCH)
    @RolesAllowed(Caller.EVENT_PUBLISHER)
    public Response batch(byte[] body, @HeaderParam("Content-Type") String contentType) {
        if (contentType == null) {
            return missingContentType();
        }
        JsonNode array = parse(body);
        if (!array.isArray()) {
            return Problem.of(400, "invalid-batch", "A batch is a JSON array of CloudEvents",
                    "send [ {event}, {event}, … ] with " + CLOUDEVENT_BATCH + ", or one event with " + CLOUDEVENT).response();
        }
        if (array.isEmpty()) {
            return Problem.of(400, "invalid-batch", "The batch is empty", "send 1 to " + limits.maxBatch() + " events").response();
        }
        if (array.size() > limits.maxBatch()) {
            return Problem.of(413, "batch-too-large", "A batch holds 1 to " + limits.maxBatch() + " events",
                    "this batch holds " + array.size() + "; split it").response();
        }
        List<IncomingStepEvent> events = new ArrayList<>(array.size());
        array.forEach(e -> events.add(reader.structured(e)));
        List<Result> results = ingest.ingest(events, sender()).stream().map(Result::of).toList();
        if (results.stream().allMatch(r -> r.problem() != null && r.problem().status() == 403)) {
            // nothing in the batch was the caller's to send: refuse it as a whole, still saying why per event
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(new ForbiddenBatch(
                    Problem.of(403, "forbidden", "Not your agency's service", "no event in this batch is for a service of your agency"),
                    results)).build();
        }
        return Response.ok(new Results(results)).build();
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.tree(RequestBody.checked(body, limits, "a CloudEvent", "; send smaller batches"));
        } catch (StrictJson.UnreadableJson e) {
            throw new RequestBody.Refused(Problem.of(400, "malformed-json", "The body is not valid JSON", e.getMessage()));
        }
    }

    /** Without a content type the router would pick a method by guessing; the sender must say which it sends. */
    private static Response missingContentType() {
        return Problem.of(415, "http-415", "Unsupported Media Type", "send Content-Type " + CLOUDEVENT + " for one event, or "
                + CLOUDEVENT_BATCH + " for a batch").response();
    }

    private Sender sender() {
        return Sender.http(TokenCaller.of(token));
    }

    static Problem problem(EventProblem p) {
        return Problem.of(p.status(), p.kind(), p.title(), p.detail());
    }
}
