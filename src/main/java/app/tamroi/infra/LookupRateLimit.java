package app.tamroi.infra;

import app.tamroi.adapter.in.rest.Problem;
import app.tamroi.adapter.in.web.PageErrors;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds each client to its allowance of public lookups (a status page, the lookup form with a
 * code, the JSON track API), so that no one can walk the space of tracking codes or crowd out
 * citizens. The client is the connection's address as Quarkus reports it: an X-Forwarded-For is
 * believed only where quarkus.http.proxy.proxy-address-forwarding says a trusted proxy sets it.
 */
public class LookupRateLimit {

    private static final String PAGES = "/track";
    private static final String API = "/api/v1/track/";

    private final LookupAllowance allowance;

    public LookupRateLimit(LookupAllowance allowance) {
        this.allowance = allowance;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest connection) {
        if (!isLookup(request)) {
            return null;
        }
        Optional<Duration> wait = allowance.take(connection.remoteAddress().hostAddress());
        if (wait.isEmpty()) {
            return null;
        }
        if (request.getUriInfo().getPath().startsWith(API)) {
            long seconds = wait.get().toSeconds();
            Problem tooMany = Problem.of(429, "too-many-requests", "Too many lookups",
                    "this client has used its lookups for now; wait " + seconds + " s before the next");
            return Response.fromResponse(tooMany.response()).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        return PageErrors.tooManyLookups(request, wait.get());
    }

    private static boolean isLookup(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        String path = request.getUriInfo().getPath();
        // the bare form costs nothing and must stay reachable; a code typed into it is a lookup
        return path.startsWith(API) || path.startsWith(PAGES + "/")
                || path.equals(PAGES) && request.getUriInfo().getQueryParameters().containsKey("code");
    }
}
