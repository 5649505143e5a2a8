package app.tamroi.infra;

import app.tamroi.adapter.in.rest.Problem;
import app.tamroi.adapter.in.web.PageErrors;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests the router turns away before any resource runs (no such path, a method or media type
 * the path does not take), answered in the kind the path serves: a page under /track, which
 * browsers show, problem+json elsewhere. A 405 names the methods the path does take.
 */
public class RoutingErrors {

    private final AllowedMethods methods;

    public RoutingErrors(AllowedMethods methods) {
        this.methods = methods;
    }

    @ServerExceptionMapper({NotFoundException.class, NotAllowedException.class, NotAcceptableException.class,
            NotSupportedException.class})
    public Response refused(ClientErrorException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        String path = request.getUriInfo().getPath();
        Response answer = path.equals("/track") || path.startsWith("/track/")
                ? PageErrors.refused(status, request)
                : Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()).response();
        Set<String> allowed = methods.at(path);
        if (status != 405 || allowed.isEmpty()) {
            return answer;
        }
        return Response.fromResponse(answer).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }
}
