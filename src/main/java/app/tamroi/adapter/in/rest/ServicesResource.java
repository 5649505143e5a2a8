package app.tamroi.adapter.in.rest;

import app.tamroi.domain.forecast.PlanFromHistory;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.adapter.in.json.StrictJson;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.forecast.ProposePlan;
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

    /**
     * A timeline drawn from history, ready to be published as it is (PUT {@code timeline}), with
     * the evidence for each figure: minutes are working minutes.
     */
    public record PlanView(String service, int fromVersion, String learnedBefore, long sampleSize, int windowDays,
                           PromiseEvidence promise, List<StepEvidence> steps, TimelineDocument timeline) {
    }

    /** @param currentlyMet and {@code proposedMet}: the shares of ended journeys within each promise */
    public record PromiseEvidence(String current, long currentMinutes, double currentlyMet, String proposed,
                                  double proposedMet) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
    public record StepEvidence(String code, long visits, Long p50Minutes, Long p80Minutes, String target,
                               String proposed) {
    }

    private final PublishTimeline publish;
    private final ProposePlan proposePlan;
    private final ServiceCatalogue catalogue;
    private final Agencies agencies;
    private final StrictJson json;
    private final Limits.Body limits;
    private final JsonWebToken token;

    public ServicesResource(PublishTimeline publish, ProposePlan proposePlan, ServiceCatalogue catalogue,
                            Agencies agencies, StrictJson json, Limits limits, JsonWebToken token) {
        this.publish = publish;
        this.proposePlan = proposePlan;
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
    @Path("/{code}/plan-from-history")
    @RolesAllowed(Caller.TIMELINE_EDITOR)
    public PlanView planFromHistory(@PathParam("code") String code) {
        ProposePlan.Proposed p = proposePlan.propose(TokenCaller.of(token), code);
        PlanFromHistory.Proposal proposal = p.proposal();
        return new PlanView(code, p.from().number(), p.learnedBefore().toString(), proposal.sampleSize(),
                proposal.windowDays(),
                new PromiseEvidence(p.from().definition().promise().map(Object::toString).orElse(null),
                        JourneyStatus.minutes(proposal.currentPromise()), share(proposal.currentlyMet()),
                        proposal.promise().toString(), share(proposal.proposedMet())),
                proposal.steps().stream().map(s -> new StepEvidence(s.step(), s.visits(),
                        s.p50().map(JourneyStatus::minutes).orElse(null), s.p80().map(JourneyStatus::minutes).orElse(null),
                        s.target().toString(), s.proposed().toString())).toList(),
                TimelineDocument.of(proposal.proposed()));
    }

    private static double share(double share) {
        return Math.round(share * 1000) / 1000.0;
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
