package app.tamroi.adapter.in.rest;

import app.tamroi.adapter.in.json.StrictJson;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.track.StatusUnavailableException;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.forecast.ProposePlan;
import app.tamroi.usecase.access.NotPermittedException;
import app.tamroi.usecase.timeline.ConcurrentPublicationException;
import app.tamroi.usecase.timeline.InvalidTimelineException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem+json; a caller never sees a stack trace or an empty 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidTimeline(InvalidTimelineException e) {
        return Problem.of(400, "invalid-timeline", "The service timeline is not valid", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermittedException e) {
        return Problem.of(403, "forbidden", "Not your agency's", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Your token does not allow this",
                "the token's groups do not include the one this needs (timeline-editor, event-publisher or agency-viewer)").response();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, jakarta.ws.rs.core.HttpHeaders headers) {
        boolean sentOne = headers.getHeaderString("Authorization") != null;
        Problem problem = sentOne
                ? Problem.of(401, "unauthorized", "The bearer token was not accepted",
                        "the token is malformed, expired, from another issuer or not signed by the agencies' identity provider")
                : Problem.of(401, "unauthorized", "A bearer token is required",
                        "send an agency token: Authorization: Bearer <JWT>");
        return Response.fromResponse(problem.response()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(404, "not-found", "Not found", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response tooLittleHistory(ProposePlan.NotEnoughHistoryException e) {
        return Problem.of(409, "not-enough-history", "Too few journeys have ended to draw a plan from", e.getMessage())
                .response();
    }

    @ServerExceptionMapper
    public Response raced(ConcurrentPublicationException e) {
        return Problem.of(409, "conflict", "Published at the same moment", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warn(e.getMessage());
        return unavailable("nothing was stored; send the same request again shortly");
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(Problem.of(503, "unavailable", "Tamroi cannot reach its database", detail).response())
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(Exception e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return Problem.of(400, "malformed-json", "The body is not the JSON expected", detail).response();
    }

    @ServerExceptionMapper
    public Response statusUnavailable(StatusUnavailableException e) {
        return Problem.of(422, "status-not-computable", "This application's status cannot be worked out",
                "its events are kept, but its service's timeline cannot be read; the operators have been told (it is logged)")
                .response();
    }

    @ServerExceptionMapper
    public Response refusedBody(RequestBody.Refused e) {
        return e.problem.response();
    }

    @ServerExceptionMapper
    public Response unreadable(StrictJson.UnreadableJson e) {
        return Problem.of(400, "malformed-json", "The body is not the JSON expected", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problem.of(status, "http-" + status, title, e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        StoreOutage outage = StoreOutage.behind(e);
        if (outage != StoreOutage.NONE) {
            LOG.warnf("the database could not be reached: %s", e);
            return unavailable(outage == StoreOutage.AT_COMMIT
                    ? "the database went away while your request was being committed; send the same request again "
                            + "shortly: an event that was stored after all is answered DUPLICATE, never applied twice"
                    : "nothing was stored; send the same request again shortly");
        }
        var refused = StoreRefusedException.behind(e);
        if (refused.isPresent()) {
            LOG.warnf("the database refused a request's data: %s", e);
            return Problem.of(422, "unstorable", "The database refused this data",
                    "SQL state " + refused.get().sqlState() + ": nothing was stored; check the text for characters "
                            + "that cannot be stored and numbers out of range").response();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal", "Something went wrong on our side",
                "nothing you sent was lost if you got no success answer; try again, and tell us if it persists").response();
    }
}
