package app.tamroi.infra;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo key pair is published in the repository, so anyone can sign tokens with it. Production
 * refuses to start while it would verify tokens with that key.
 */
@ApplicationScoped
public class DemoKeyGuard {

    /** SHA-256 of the DER bytes of config/demo-keys/publicKey.pem. */
    static final String DEMO_PUBLIC_KEY_SHA256 = "00cb61c8e8789e301c6646039987977b55522bd0d0265d0208c4dcebcb35ca6d";

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    void refuseTheDemoKeyInProduction(@Observes @Priority(1) StartupEvent start) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        Optional<String> pem = inlineKey.filter(k -> !k.isBlank()).or(() -> keyLocation.filter(l -> !l.isBlank()).map(DemoKeyGuard::read));
        if (pem.isPresent() && DEMO_PUBLIC_KEY_SHA256.equals(fingerprint(pem.get()))) {
            throw new IllegalStateException("Refusing to start: the production profile would accept tokens signed with the "
                    + "published demo key (config/demo-keys). Set mp.jwt.verify.publickey.location to your identity "
                    + "provider's public key.");
        }
    }

    static String fingerprint(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    private static String read(String location) {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        try {
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // a key on the classpath or at a URL is not the demo file; smallrye-jwt reports it if unreadable
            return "";
        }
    }
}
