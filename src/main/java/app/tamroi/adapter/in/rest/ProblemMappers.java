package app.tamroi.adapter.in.rest;

import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.access.NotPermittedException;
import app.tamroi.usecase.timeline.ConcurrentPublicationException;
import app.tamroi.usecase.timeline.InvalidTimelineException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        DatabaseOutage outage = DatabaseOutage.behind(e);
        if (outage != DatabaseOutage.NONE) {
            LOG.warnf("the database could not be reached: %s", e);
            return unavailable(outage == DatabaseOutage.AT_COMMIT
                    ? "the database went away while your request was being committed; send the same request again "
                            + "shortly: an event that was stored after all is answered DUPLICATE, never applied twice"
                    : "nothing was stored; send the same request again shortly");
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal", "Something went wrong on our side",
                "nothing you sent was lost if you got no success answer; try again, and tell us if it persists").response();
    }

    /**
     * Whether a failure is the database being out of reach, however it travelled: through
     * Hibernate (the service catalogue), as a commit that Narayana could not complete (its cause
     * then sits among the suppressed exceptions) or from the pool. A failure of any other kind,
     * such as a violated constraint, is a fault of ours and stays a 500: retrying it cannot help.
     */
    enum DatabaseOutage {
        NONE, BEFORE_COMMIT, AT_COMMIT;

        static DatabaseOutage behind(Throwable failure) {
            boolean atCommit = false;
            boolean unreachable = false;
            Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            while (!pending.isEmpty()) {
                Throwable t = pending.pop();
                if (!seen.add(t)) {
                    continue;
                }
                atCommit |= t instanceof RollbackException
                        || t instanceof HeuristicMixedException
                        || t instanceof HeuristicRollbackException;
                unreachable |= t instanceof StoreUnavailableException || t instanceof SQLException sql && unreachable(sql);
                if (t.getCause() != null) {
                    pending.push(t.getCause());
                }
                Arrays.stream(t.getSuppressed()).forEach(pending::push);
            }
            return !unreachable ? NONE : atCommit ? AT_COMMIT : BEFORE_COMMIT;
        }

        private static boolean unreachable(SQLException e) {
            String state = e.getSQLState();
            if (state == null) {
                // the pool's own failures carry no SQL state; running out of time for a connection is one
                return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
            }
            // 08: connection exception; 57P01-57P03: the server shut down or cannot take connections yet;
            // 53300: too many connections
            return state.startsWith("08") || state.startsWith("57P0") || state.equals("53300");
        }
    }
}
