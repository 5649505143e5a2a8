package app.tamroi.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar, started as an operator would in production or in a profile of another name,
 * refuses to run when anyone could sign a token it accepts: with no verification key at all, or
 * with the published demo key however it is given. With a key of its own it starts and accepts that
 * key's tokens. A refusal is told on the console and ends the process with a non-zero code.
 */
class SigningKeyProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("signing_key");

    static final String NO_KEY = "no key to verify agencies' bearer tokens is configured";
    static final String DEMO_KEY = "accepts tokens signed with the published demo key";
    static final Path DEMO_PUBLIC_KEY = Path.of("config/demo-keys/publicKey.pem");

    private static HttpServer keyServer;

    /** How the demo key may reach the verifier; the JWK sets also hold another key and name each by kid. */
    static Stream<Arguments> demoKeyGivenAs() throws Exception {
        RSAPublicKey demo = demoPublicKey();
        String demoJwks = jwks(demo);
        Path jwksFile = Files.writeString(TESTBED.logDir().resolve("jwks.json"), demoJwks);
        serveJwks(demoJwks);
        String jwksUrl = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json";
        return Stream.of(
                Arguments.of("prod", "a PEM file path", Map.of("mp.jwt.verify.publickey.location", DEMO_PUBLIC_KEY.toString())),
                Arguments.of("staging", "a PEM file path", Map.of("mp.jwt.verify.publickey.location", DEMO_PUBLIC_KEY.toString())),
                Arguments.of("staging", "a file: URL", Map.of("mp.jwt.verify.publickey.location",
                        DEMO_PUBLIC_KEY.toAbsolutePath().toUri().toString())),
                Arguments.of("prod", "inline base64", Map.of("mp.jwt.verify.publickey",
                        Base64.getEncoder().encodeToString(demo.getEncoded()))),
                Arguments.of("staging", "an inline JWK", Map.of("mp.jwt.verify.publickey", new RsaJsonWebKey(demo).toJson())),
                Arguments.of("prod", "a JWKS file", Map.of("mp.jwt.verify.publickey.location",
                        TESTBED.projectRoot().relativize(jwksFile).toString())),
                Arguments.of("staging", "a JWKS at an http URL", Map.of("mp.jwt.verify.publickey.location", jwksUrl)));
    }

    @ParameterizedTest(name = "{0}, the demo key as {1}: refused")
    @MethodSource("demoKeyGivenAs")
    void refusesToStartWithTheDemoKey(String profile, String form, Map<String, String> key) {
        assertRefused(profile, form, key, DEMO_KEY);
    }

    @ParameterizedTest(name = "{0}, no key: refused")
    @ValueSource(strings = {"prod", "staging"})
    void refusesToStartWithoutAKey(String profile) {
        assertRefused(profile, "no key", Map.of(), NO_KEY);
    }

    @ParameterizedTest(name = "{0}, a key of its own: started")
    @ValueSource(strings = {"prod", "staging"})
    void startsWithAKeyOfItsOwnAndAcceptsItsTokens(String profile) throws Exception {
        // the testbed's command names the identity provider's fresh key; only the profile changes
        TamroiInstance tamroi = TESTBED.instance("own_key_" + profile).adjusting(withProperties(profile, Map.of(), true));
        tamroi.start();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(tamroi.uri("/api/v1/agencies/rd/applications/no-such-application"))
                            .header("Authorization", TESTBED.bearer("rd")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), "a token of its own key is accepted (an unknown application, not 401)");
        } finally {
            tamroi.stop();
        }
    }

    private static void assertRefused(String profile, String form, Map<String, String> key, String reason) {
        TamroiInstance tamroi = TESTBED.instance(profile + "_" + form.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"))
                .adjusting(withProperties(profile, key, false));
        int exit = tamroi.startRefused();
        assertNotEquals(0, exit, "a refusal ends the process with a non-zero code");
        String output = tamroi.tail(200);
        assertTrue(output.contains(reason), "the console says why:\n" + tamroi.tail(40));
    }

    /** The testbed's production command in the given profile, its key replaced by the given properties. */
    private static UnaryOperator<List<String>> withProperties(String profile, Map<String, String> key, boolean keepTestbedKey) {
        return testbed -> {
            List<String> command = new ArrayList<>(testbed);
            if (!keepTestbedKey) {
                command.removeIf(argument -> argument.startsWith("-Dmp.jwt.verify.publickey.location="));
            }
            Map<String, String> properties = new LinkedHashMap<>(key);
            properties.put("quarkus.profile", profile);
            List<String> added = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
            properties.forEach((name, value) -> added.add("-D" + name + "=" + value));
            command.addAll(command.indexOf("-jar"), added);
            return command;
        };
    }

    private static RSAPublicKey demoPublicKey() throws Exception {
        String pem = Files.readString(DEMO_PUBLIC_KEY, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** An identity provider's set as an attacker might slip the demo key into: beside a real key, each with a kid. */
    private static String jwks(RSAPublicKey demo) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RsaJsonWebKey real = new RsaJsonWebKey((RSAPublicKey) generator.generateKeyPair().getPublic());
        real.setKeyId("idp-2026");
        RsaJsonWebKey demoJwk = new RsaJsonWebKey(demo);
        demoJwk.setKeyId("rotated-in");
        return new JsonWebKeySet(real, demoJwk).toJson();
    }

    private static void serveJwks(String jwks) throws IOException {
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/jwks.json", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
    }

    @AfterAll
    static void stopKeyServer() {
        if (keyServer != null) {
            keyServer.stop(0);
        }
    }
}
