package app.tamroi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyGuardTest {

    /** Were config/demo-keys regenerated without the jar's copy, the guard would probe with a stale key. */
    @Test
    void theGuardProbesWithThePublishedDemoKey() throws Exception {
        String pem = Files.readString(Path.of("config/demo-keys/publicKey.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPublicKey published = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        RSAPrivateCrtKey probe = (RSAPrivateCrtKey) SigningKeyGuard.demoPrivateKey();
        assertEquals(published.getModulus(), probe.getModulus());
        assertEquals(published.getPublicExponent(), probe.getPublicExponent());
    }

    @Test
    void onlyTheEmbeddedDemoAndTheTestsMayUseTheDemoKey() {
        assertTrue(SigningKeyGuard.demoKeyPermitted(LaunchMode.NORMAL, List.of("embedded")));
        assertTrue(SigningKeyGuard.demoKeyPermitted(LaunchMode.TEST, List.of("test")));
        assertFalse(SigningKeyGuard.demoKeyPermitted(LaunchMode.NORMAL, List.of("prod")));
        assertFalse(SigningKeyGuard.demoKeyPermitted(LaunchMode.NORMAL, List.of("staging")));
        assertFalse(SigningKeyGuard.demoKeyPermitted(LaunchMode.NORMAL, List.of("test")));
        assertFalse(SigningKeyGuard.demoKeyPermitted(LaunchMode.NORMAL, List.of("embedded", "staging")));
    }
}
