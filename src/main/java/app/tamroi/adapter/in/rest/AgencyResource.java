package app.tamroi.adapter.in.rest;

import app.tamroi.usecase.Limits;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.track.TrackApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agency's view of one of its applications, as of any instant, with its events. */
@Path("/api/v1/agencies/{agency}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final TrackApplication track;
    private final Limits.Time limits;
    private final Clock clock;
    private final JsonWebToken token;

    public AgencyResource(TrackApplication track, Limits limits, Clock clock, JsonWebToken token) {
        this.track = track;
        this.limits = limits.time();
        this.clock = clock;
        this.token = token;
    }

    @GET
    @Path("/{subject}")
    @RolesAllowed(Caller.AGENCY_VIEWER)
    public jakarta.ws.rs.core.Response application(@PathParam("agency") String agency, @PathParam("subject") String subject,
                                                   @QueryParam("asOf") String asOf) {
        Optional<Instant> at;
        try {
            at = asOf == null || asOf.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(asOf).toInstant());
        } catch (DateTimeException e) {
            return Problem.of(400, "invalid-instant", "asOf is not an instant",
                    "write asOf like 2026-11-20T09:00:00+07:00 (URL-encode the +)").response();
        }
        Instant latest = clock.instant().plus(limits.asOfHorizon());
        if (at.isPresent() && (at.get().isBefore(limits.earliest()) || at.get().isAfter(latest))) {
            return Problem.of(400, "instant-out-of-range", "asOf lies outside the time Tamroi answers for",
                    "ask as of an instant from " + limits.earliest() + " to " + limits.asOfHorizon().toDays()
                            + " days from now").response();
        }
        return jakarta.ws.rs.core.Response.ok(StatusView.forAgency(track.forAgency(TokenCaller.of(token), agency, subject, at))).build();
    }
}
