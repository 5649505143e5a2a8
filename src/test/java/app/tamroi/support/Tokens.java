package app.tamroi.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens as an agency's identity provider would issue them. */
public final class Tokens {

    public static final String ALL_GROUPS = "all";

    private Tokens() {
    }

    public static String forAgency(String agency, String... groups) {
        Set<String> granted = groups.length == 1 && ALL_GROUPS.equals(groups[0])
                ? Set.of("timeline-editor", "event-publisher", "agency-viewer") : Set.of(groups);
        return Jwt.issuer("https://tamroi.local")
                .upn("officer@" + agency)
                .groups(granted)
                .claim("agency", agency)
                .expiresIn(3600)
                .sign();
    }

    public static String bearer(String agency, String... groups) {
        return "Bearer " + forAgency(agency, groups);
    }
}
