package app.tamroi.adapter.in.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Whoever opens Tamroi's address lands where a tracking code can be typed. */
@Path("/")
public class Home {

    private final PublicAddress address;

    public Home(PublicAddress address) {
        this.address = address;
    }

    @GET
    public Response home() {
        // set as a header: Response.seeOther would complete the path with the request's Host
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, address.of(URI.create("/track"))).build();
    }
}
