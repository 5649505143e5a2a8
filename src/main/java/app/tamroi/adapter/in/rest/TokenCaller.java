package app.tamroi.adapter.in.rest;

import app.tamroi.usecase.access.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agency and groups a verified bearer token speaks for. */
final class TokenCaller {

    private TokenCaller() {
    }

    static Caller of(JsonWebToken token) {
        Object agency = token.getClaim("agency");
        return new Caller(agency == null ? null : agency.toString(), token.getGroups());
    }
}
