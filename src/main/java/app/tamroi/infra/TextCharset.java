package app.tamroi.infra;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Every text answer names its charset. Some do not by themselves (a Qute page takes its template's
 * bare text/html), and a browser left to guess may read Thai, or a crafted code, in another
 * encoding. Everything Tamroi writes is UTF-8.
 */
@ApplicationScoped
public class TextCharset {

    void nameTheCharsetOfEveryTextAnswer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null) {
                    String lower = type.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("text/") && !lower.contains("charset=")) {
                        rc.response().headers().set(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8");
                    }
                }
            });
            rc.next();
        });
    }
}
