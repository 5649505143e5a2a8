package app.tamroi.adapter.in.web;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.usecase.track.TrackApplication;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The citizen's status page: a tracking code in, the journey in plain words out; no login, no script. */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackPage {

    static final String CODE = "code";
    private static final int REMEMBER_LANGUAGE_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(StatusPage page, PageLanguage lang);

        static native TemplateInstance lookup(boolean missing, PageLanguage lang);

        static native TemplateInstance notFound(String typed, PageLanguage lang);
    }

    private final TrackApplication track;
    private final PublicAddress address;

    public TrackPage(TrackApplication track, PublicAddress address) {
        this.track = track;
        this.address = address;
    }

    /** The lookup form, and where it sends its GET: a typed code goes on to its own address. */
    @GET
    public Response lookup(@QueryParam(CODE) String code,
                           @QueryParam(PageLanguage.PARAMETER) String requested,
                           @CookieParam(PageLanguage.PARAMETER) String remembered) {
        PageLanguage lang = PageLanguage.choose(requested, remembered);
        if (code == null) {
            return page(Response.Status.OK, Templates.lookup(false, lang), lang, requested);
        }
        String typed = code.strip();
        if (typed.isEmpty()) {
            return page(Response.Status.BAD_REQUEST, Templates.lookup(true, lang), lang, requested);
        }
        // Every code is passed on, readable or not, so a wrong one meets the same page as an unknown one;
        // a readable one is written in its groups, as printed on the citizen's receipt.
        String written = TrackingCode.read(typed).map(TrackingCode::grouped).orElse(typed);
        UriBuilder to = UriBuilder.fromResource(TrackPage.class).path("{trackingCode}");
        PageLanguage.read(requested).ifPresent(l -> to.queryParam(PageLanguage.PARAMETER, l.tag()));
        // set as a header: Response.seeOther would complete the path with the request's Host
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, address.of(to.build(written))).build();
    }

    @GET
    @Path("/{trackingCode: .+}")
    public Response status(@PathParam("trackingCode") String trackingCode,
                           @QueryParam(PageLanguage.PARAMETER) String requested,
                           @CookieParam(PageLanguage.PARAMETER) String remembered) {
        PageLanguage lang = PageLanguage.choose(requested, remembered);
        // unknown, malformed and wrongly checked codes look alike, so codes cannot be probed
        return track.byTrackingCode(trackingCode)
                .map(tracked -> page(Response.Status.OK, Templates.status(StatusPage.of(tracked, lang), lang), lang, requested))
                .orElseGet(() -> page(Response.Status.NOT_FOUND, Templates.notFound(trackingCode, lang), lang, requested));
    }

    /** Only for this resource, so the JSON API keeps its problem+json. */
    @ServerExceptionMapper
    Response failed(RuntimeException failure, ContainerRequestContext request) {
        return PageErrors.failed(failure, request);
    }

    private static Response page(Response.Status status, TemplateInstance page, PageLanguage lang, String requested) {
        Response.ResponseBuilder response = PageErrors.html(status.getStatusCode(), page, lang);
        Optional<PageLanguage> chosen = PageLanguage.read(requested);
        // a choice made once by link holds on the next visit, which often starts from a bare link in a text message
        chosen.ifPresent(l -> response.cookie(new NewCookie.Builder(PageLanguage.PARAMETER).value(l.tag()).path("/")
                .maxAge(REMEMBER_LANGUAGE_SECONDS).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build()));
        return response.build();
    }
}
