package app.tamroi.adapter.in.rest;

import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.adapter.in.json.StrictJson;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.timeline.port.Agencies;
import app.tamroi.usecase.timeline.PublishTimeline;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import app.tamroi.adapter.in.json.TimelineDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Service timelines: agencies publish them; anyone may read them. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    public record PublishedView(String code, int version) {
    }

    public record VersionView(String code, int version, String publishedAt, StatusView.AgencyRef owner,
                              TimelineDocument definition) {
    }

    public record Summary(String code, String agency, StatusView.AgencyRef owner, TimelineDocument.Text name,
                          int currentVersion) {
    }

    private final PublishTimeline publish;
    private final ServiceCatalogue catalogue;
    private final Agencies agencies;
    private final StrictJson json;
    private final Limits.Body limits;
    private final JsonWebToken token;

    public ServicesResource(PublishTimeline publish, ServiceCatalogue catalogue, Agencies agencies, StrictJson json,
                            Limits limits, JsonWebToken token) {
        this.publish = publish;
        this.agencies = agencies;
        this.json = json;
        this.limits = limits.body();
        this.catalogue = catalogue;
        this.token = token;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.TIMELINE_EDITOR)
    public Response publish(@PathParam("code") String code, byte[] body) {
        TimelineDocument document = json.read(RequestBody.checked(body, limits, "a service timeline", ""), TimelineDocument.class);
        PublishTimeline.Published p = publish.publish(code, document, TokenCaller.of(token));
        return Response.status(p.created() ? 201 : 200).entity(new PublishedView(p.code(), p.version())).build();
    }

    @GET
    public List<Summary> list() {
        return catalogue.all().stream().map(ServiceHistory::current)
                .map(v -> new Summary(v.serviceCode(), v.definition().agency(), owner(v),
                        TimelineDocument.of(v.definition()).name(), v.number()))
                .toList();
    }

    @GET
    @Path("/{code}")
    public VersionView current(@PathParam("code") String code) {
        return view(history(code).current());
    }

    @GET
    @Path("/{code}/versions/{n}")
    public VersionView version(@PathParam("code") String code, @PathParam("n") int n) {
        return history(code).version(n).map(this::view)
                .orElseThrow(() -> new NotFoundException("service '" + code + "' has no version " + n));
    }

    private VersionView view(ServiceVersion v) {
        return new VersionView(v.serviceCode(), v.number(), v.publishedAt().toString(), owner(v), TimelineDocument.of(v.definition()));
    }

    private StatusView.AgencyRef owner(ServiceVersion v) {
        return StatusView.AgencyRef.of(agencies.byCode(v.definition().agency()));
    }

    private ServiceHistory history(String code) {
        return catalogue.history(code).orElseThrow(() -> new NotFoundException("no service '" + code + "' has been published"));
    }
}
