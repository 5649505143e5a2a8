package app.tamroi.infra;

import app.tamroi.usecase.access.Caller;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.KeyProvider;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;

/**
 * An agency's bearer token is worth something only if nobody but its identity provider can sign
 * it. Outside the embedded demo and the tests, Tamroi therefore refuses to start when no key to
 * verify tokens is configured, or when the configured verifier accepts a token signed with the demo
 * key published in config/demo-keys, whatever location or format brings that key in (file,
 * classpath, URL; PEM, base64, certificate, JWK, JWKS). It decides by asking smallrye-jwt's own
 * parser, with the configuration it will use for every request, to verify a probe token signed
 * with the demo key: what the parser accepts at start it would accept from anyone later.
 */
@ApplicationScoped
public class SigningKeyGuard {

    /**
     * A copy of config/demo-keys/privateKey.pem, in the jar so that the probe can be signed
     * wherever the jar runs. It is no secret: the repository publishes it, which is exactly why
     * a verifier that accepts it must not run.
     */
    static final String DEMO_PRIVATE_KEY = "/demo-keys/privateKey.pem";

    static final String NO_KEY = "Refusing to start: no key to verify agencies' bearer tokens is configured, so no "
            + "token could be trusted. Set mp.jwt.verify.publickey.location to your identity provider's public key "
            + "or JWKS (file path, file:, classpath: or https URL), or mp.jwt.verify.publickey to the key itself.";

    static final String DEMO_KEY = "Refusing to start: the configured token verification key accepts tokens signed "
            + "with the published demo key (config/demo-keys), which anyone can sign. Configure your identity "
            + "provider's key in mp.jwt.verify.publickey.location or mp.jwt.verify.publickey; the demo key is for "
            + "the embedded profile only.";

    private static final String PROBE = "signing-key-guard";
    private static final Logger LOG = Logger.getLogger(SigningKeyGuard.class);

    private final JWTAuthContextInfo verification;
    private final JWTParser parser;

    SigningKeyGuard(JWTAuthContextInfo verification, JWTParser parser) {
        this.verification = verification;
        this.parser = parser;
    }

    void refuseForgeableTokens(@Observes @Priority(1) StartupEvent start) {
        if (demoKeyPermitted(LaunchMode.current(), ConfigUtils.getProfiles())) {
            return;
        }
        refusal().ifPresent(reason -> {
            // said on its own line too: the failure's stack trace buries it
            LOG.error(reason);
            throw new IllegalStateException(reason);
        });
    }

    /** The embedded demo signs its tokens with the demo key, and so do the tests (@QuarkusTest). */
    static boolean demoKeyPermitted(LaunchMode mode, List<String> profiles) {
        return mode == LaunchMode.TEST || profiles.equals(List.of(TamroiMain.EMBEDDED_PROFILE));
    }

    /** Why tokens could be forged with this configuration, if they could. */
    private Optional<String> refusal() {
        if (!hasVerificationKey()) {
            return Optional.of(NO_KEY);
        }
        return acceptsDemoKey() ? Optional.of(DEMO_KEY) : Optional.empty();
    }

    private boolean hasVerificationKey() {
        return verification.getPublicKeyContent() != null
                || verification.getPublicKeyLocation() != null
                || verification.getPublicVerificationKey() != null
                || verification.getSecretKeyContent() != null
                || verification.getSecretVerificationKey() != null
                || verification.getKeyProvider() != KeyProvider.DEFAULT;
    }

    private boolean acceptsDemoKey() {
        PrivateKey demoKey = demoPrivateKey();
        // the demo key is RSA: an algorithm of another family cannot verify its signatures
        List<SignatureAlgorithm> algorithms = verification.getSignatureAlgorithm().stream()
                .filter(a -> a.getAlgorithm().startsWith("RS") || a.getAlgorithm().startsWith("PS"))
                .toList();
        for (SignatureAlgorithm algorithm : algorithms) {
            for (Optional<String> keyId : keyIds()) {
                if (verifies(probe(demoKey, algorithm, keyId))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A token as a forger would write it: every claim the verifier expects, a fresh iat, a short life. */
    private String probe(PrivateKey key, SignatureAlgorithm algorithm, Optional<String> keyId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>();
        if (verification.getIssuedBy() != null) {
            claims.put("iss", verification.getIssuedBy());
        }
        if (verification.getExpectedAudience() != null) {
            claims.put("aud", Set.copyOf(verification.getExpectedAudience()));
        }
        claims.put("sub", PROBE);
        claims.put("upn", PROBE);
        claims.put("groups", Set.of(Caller.TIMELINE_EDITOR, Caller.EVENT_PUBLISHER, Caller.AGENCY_VIEWER));
        claims.put("agency", PROBE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        Optional.ofNullable(verification.getRequiredClaims()).ifPresent(required -> required.forEach(c -> claims.putIfAbsent(c, PROBE)));
        JwtSignatureBuilder signature = Jwt.claims(claims).jws().algorithm(algorithm);
        keyId.ifPresent(signature::keyId);
        return signature.sign(key);
    }

    private boolean verifies(String token) {
        try {
            parser.parse(token);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    /**
     * A JWKS hands out a key only to a token naming its kid, so the probe is tried under no kid,
     * the configured one and every kid the configured key material holds, as a forger would read
     * them there.
     */
    private Set<Optional<String>> keyIds() {
        Set<Optional<String>> ids = new LinkedHashSet<>();
        ids.add(Optional.empty());
        ids.add(Optional.ofNullable(verification.getTokenKeyId()));
        publishedKeys().forEach(jwk -> ids.add(Optional.ofNullable(jwk.getKeyId())));
        return ids;
    }

    private List<JsonWebKey> publishedKeys() {
        String content = verification.getPublicKeyContent();
        if (content == null && verification.getPublicKeyLocation() != null) {
            try {
                content = ResourceUtils.readResource(verification.getPublicKeyLocation());
            } catch (IOException | RuntimeException e) {
                // unreachable now: the parser cannot fetch it for the probe either
                return List.of();
            }
        }
        if (content == null) {
            return List.of();
        }
        List<JsonWebKey> keys = KeyUtils.loadJsonWebKeys(content);
        if (keys == null) {
            try {
                keys = KeyUtils.loadJsonWebKeys(new String(Base64.getUrlDecoder().decode(content.trim()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64url) {
                return List.of();
            }
        }
        return keys == null ? List.of() : keys;
    }

    static PrivateKey demoPrivateKey() {
        try (InputStream pem = SigningKeyGuard.class.getResourceAsStream(DEMO_PRIVATE_KEY)) {
            if (pem == null) {
                throw new IllegalStateException("the jar lacks " + DEMO_PRIVATE_KEY + ", which the signing key guard needs");
            }
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the demo private key in the jar is unreadable", e);
        }
    }
}
