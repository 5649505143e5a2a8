package app.tamroi.adapter.in.rest;

import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.track.TrackApplication;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The citizen's status, by tracking code, without logging in. */
@Path("/api/v1/track")
@Produces(MediaType.APPLICATION_JSON)
public class TrackResource {

    private final TrackApplication track;

    public TrackResource(TrackApplication track) {
        this.track = track;
    }

    @GET
    @Path("/{trackingCode}")
    public StatusView status(@PathParam("trackingCode") String trackingCode) {
        // unknown and malformed codes get the same answer, so codes cannot be probed
        return track.byTrackingCode(trackingCode).map(StatusView::of)
                .orElseThrow(() -> new NotFoundException("no application has this tracking code; check it and try again"));
    }
}
