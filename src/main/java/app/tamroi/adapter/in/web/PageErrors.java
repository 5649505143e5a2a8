package app.tamroi.adapter.in.web;

import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.track.StatusUnavailableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What a citizen sees when a page cannot be given: a page in their language that says what to do
 * next, with the status kept for the browser. A citizen's browser shows JSON as raw text, so nothing
 * under /track answers in problem+json.
 */
public final class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    /** Matches the Retry-After the JSON API gives while the database is out of reach. */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

    public enum Trouble {
        /** This client looked up too much too fast; it may again after a wait. */
        TOO_MANY_LOOKUPS,
        /** The address exists, but not for this kind of request (a POST, an unknown path, an Accept it cannot meet). */
        NOT_ANSWERED_HERE,
        /** A fault of ours; trying again may work. */
        OUR_FAULT,
        /** The records are out of reach for a moment. */
        UNAVAILABLE,
        /** This one application's status cannot be worked out (its service's timeline is unreadable). */
        STATUS_NOT_COMPUTABLE
    }

    @CheckedTemplate(basePath = "TrackPage")
    static class Templates {
        static native TemplateInstance trouble(Trouble trouble, long waitSeconds, PageLanguage lang);
    }

    private PageErrors() {
    }

    /** 429, with how long to wait (whole seconds) both in Retry-After and in words. */
    public static Response tooManyLookups(ContainerRequestContext request, Duration wait) {
        return page(Response.Status.TOO_MANY_REQUESTS.getStatusCode(), Trouble.TOO_MANY_LOOKUPS, wait, request);
    }

    /** A request the router refused before any page was made (404, 405, 406, 415): the status kept. */
    public static Response refused(int status, ContainerRequestContext request) {
        return page(status, Trouble.NOT_ANSWERED_HERE, Duration.ZERO, request);
    }

    /** Anything that went wrong while a page was being made. */
    public static Response failed(Throwable failure, ContainerRequestContext request) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return refused(web.getResponse().getStatus(), request);
        }
        if (failure instanceof StatusUnavailableException) {
            // logged where it happened; it concerns this application alone
            return page(422, Trouble.STATUS_NOT_COMPUTABLE, Duration.ZERO, request);
        }
        if (StoreOutage.isOutage(failure)) {
            LOG.warnf("a status page could not reach the database: %s", failure);
            return page(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), Trouble.UNAVAILABLE, UNAVAILABLE_RETRY, request);
        }
        LOG.error("a status page failed", failure);
        return page(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), Trouble.OUR_FAULT, Duration.ZERO, request);
    }

    /** The language a citizen asked for, by link or by the remembered cookie. */
    static PageLanguage language(ContainerRequestContext request) {
        Cookie remembered = request.getCookies().get(PageLanguage.PARAMETER);
        return PageLanguage.choose(request.getUriInfo().getQueryParameters().getFirst(PageLanguage.PARAMETER),
                remembered == null ? null : remembered.getValue());
    }

    /** A citizen page in its language, declared as UTF-8 so no browser guesses the Thai. */
    static Response.ResponseBuilder html(int status, TemplateInstance page, PageLanguage lang) {
        return Response.status(status).entity(page.setLocale(lang.locale())).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static Response page(int status, Trouble trouble, Duration wait, ContainerRequestContext request) {
        PageLanguage lang = language(request);
        long seconds = wait.toSeconds();
        Response.ResponseBuilder response = html(status, Templates.trouble(trouble, seconds, lang), lang);
        if (seconds > 0) {
            response.header(HttpHeaders.RETRY_AFTER, seconds);
        }
        return response.build();
    }
}
