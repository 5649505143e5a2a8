package app.tamroi.adapter.in.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Whoever opens Tamroi's address lands where a tracking code can be typed. */
@Path("/")
public class Home {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/track")).build();
    }
}
