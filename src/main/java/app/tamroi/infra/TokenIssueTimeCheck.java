package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a bearer token issued in the future, which smallrye-jwt does not check: a token minted
 * today for use next month would otherwise pass every other check, its lifetime included, for as
 * long as it says. Answered 401 like any token that is not accepted.
 */
@ApplicationScoped
public class TokenIssueTimeCheck implements SecurityIdentityAugmentor {

    // The wall clock, as smallrye-jwt uses for exp: a token's times are about real time, not about
    // the application's Clock, which tests move to replay "as of" an instant.
    private final Clock wallClock = Clock.systemUTC();

    private final Limits limits;

    TokenIssueTimeCheck(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && issuedTooLate(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the token's iat lies more than " + limits.tokens().maxClockSkew() + " in the future"));
        }
        return Uni.createFrom().item(identity);
    }

    private boolean issuedTooLate(JsonWebToken token) {
        Instant latest = wallClock.instant().plus(limits.tokens().maxClockSkew());
        return Instant.ofEpochSecond(token.getIssuedAtTime()).isAfter(latest);
    }
}
