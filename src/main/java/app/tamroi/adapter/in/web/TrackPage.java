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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.util.Optional;

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

    public TrackPage(TrackApplication track) {
        this.track = track;
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
        String address = TrackingCode.read(typed).map(TrackingCode::grouped).orElse(typed);
        UriBuilder to = UriBuilder.fromResource(TrackPage.class).path("{trackingCode}");
        PageLanguage.read(requested).ifPresent(l -> to.queryParam(PageLanguage.PARAMETER, l.tag()));
        return Response.seeOther(to.build(address)).build();
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

    private static Response page(Response.Status status, TemplateInstance page, PageLanguage lang, String requested) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(page.setLocale(lang.locale()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        Optional<PageLanguage> chosen = PageLanguage.read(requested);
        // a choice made once by link holds on the next visit, which often starts from a bare link in a text message
        chosen.ifPresent(l -> response.cookie(new NewCookie.Builder(PageLanguage.PARAMETER).value(l.tag()).path("/")
                .maxAge(REMEMBER_LANGUAGE_SECONDS).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build()));
        return response.build();
    }
}
