package app.tamroi.adapter.in.rest;

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
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agency's view of one of its applications, as of any instant, with its events. */
@Path("/api/v1/agencies/{agency}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final TrackApplication track;
    private final JsonWebToken token;

    public AgencyResource(TrackApplication track, JsonWebToken token) {
        this.track = track;
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
        } catch (DateTimeParseException e) {
            return Problem.of(400, "invalid-instant", "asOf is not an instant",
                    "write asOf like 2026-11-20T09:00:00+07:00 (URL-encode the +)").response();
        }
        return jakarta.ws.rs.core.Response.ok(StatusView.forAgency(track.forAgency(TokenCaller.of(token), agency, subject, at))).build();
    }
}
