package app.tamroi.adapter.in.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a redirect sends the citizen. The Host header is the visitor's to write, so an address
 * built from it could send a citizen who followed a crafted link to another site; a redirect
 * carries only a path of ours, prefixed with the configured public address when there is one.
 */
@ApplicationScoped
public class PublicAddress {

    private final Optional<String> base;

    public PublicAddress(@ConfigProperty(name = "tamroi.public-base-url") Optional<URI> base) {
        this.base = base.map(URI::toString).map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    }

    /** A path of ours, already encoded, as the Location of a redirect. */
    public String of(URI path) {
        if (path.isAbsolute() || path.getRawAuthority() != null || !path.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException("a redirect goes to a path of ours: " + path);
        }
        return base.map(b -> b + path.toASCIIString()).orElse(path.toASCIIString());
    }
}
