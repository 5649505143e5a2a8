package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every HTTP request has a deadline. Work behind a request is bounded by design (inputs are
 * bounded, working time is computed in closed form) and database statements are cancelled at the
 * same deadline (see {@link StatementDeadline}); this is the backstop that answers the client in
 * time whatever else happens, instead of leaving it waiting on a held connection.
 */
@ApplicationScoped
public class RequestDeadline {

    private final long millis;

    public RequestDeadline(Limits limits) {
        this.millis = limits.request().deadline().toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            long timer = rc.vertx().setTimer(millis, id -> {
                HttpServerResponse response = rc.response();
                if (response.ended() || response.closed()) {
                    return;
                }
                if (response.headWritten()) {
                    response.close();
                    return;
                }
                response.setStatusCode(503)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Retry-After", "5")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Connection", "close")
                        .end("{\"type\":\"https://tamroi.app/problems/deadline\",\"title\":\"The request took too long\","
                                + "\"status\":503,\"detail\":\"Tamroi could not answer within " + millis / 1000
                                + " s; send the same request again shortly (an event stored after all is answered DUPLICATE)\"}");
            });
            rc.addEndHandler(ended -> rc.vertx().cancelTimer(timer));
            rc.next();
        });
    }
}
