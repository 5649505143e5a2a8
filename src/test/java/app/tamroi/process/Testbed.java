package app.tamroi.process;

import app.tamroi.support.KafkaBroker;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Everything a process test needs around Tamroi: a real broker in this JVM, a schema of its own
 * on the local PostgreSQL, a key pair standing in for the agencies' identity provider, and the
 * Tamroi processes it starts. Register it once per test class with {@code @RegisterExtension};
 * it removes all of it afterwards, also when a test fails, and then prints the processes' output.
 */
final class Testbed implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    static final String ISSUER = "https://tamroi.local";
    static final String CONSUMER_GROUP = "tamroi";
    /** KafkaBroker creates tamroi.step-events with three partitions. */
    static final Set<Integer> ALL_PARTITIONS = Set.of(0, 1, 2);

    /** Processes still running when the JVM ends (a failsafe timeout, Ctrl+C) are killed too. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Database database;
    private final Scale scale = Scale.current();
    private final List<TamroiInstance> instances = new ArrayList<>();
    private final Path projectRoot = Path.of("").toAbsolutePath();
    private final Path jar;
    private KafkaBroker broker;
    private KeyPair keys;
    private Path publicKey;

    /**
     * Two runs of these tests on one machine (a developer's and a CI build, say) must not drop each
     * other's schema or cut each other's connections, so the schema and the instances' names carry
     * this JVM's process id.
     */
    private static final String RUN = Long.toString(ProcessHandle.current().pid());

    /** @param name lower-case letters and underscores; names the schema, the instances and the log folder */
    Testbed(String name) {
        this.name = name;
        this.database = new Database("faults_" + name + "_" + RUN);
        this.jar = Path.of(System.getProperty("tamroi.jar", "target/quarkus-app/quarkus-run.jar"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isDirectory(projectRoot.resolve("config")) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("run from the project root after `mvn package`: no config/ or no " + jar);
        }
        database.dropSchema();
        clearLogs();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        publicKey = logDir().resolve("publicKey.pem");
        Files.createDirectories(logDir());
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        broker = new KafkaBroker();
        broker.start();
    }

    /** Each run starts its logs afresh, so that what a failure prints is this run's. */
    private void clearLogs() throws IOException {
        if (Files.isDirectory(logDir())) {
            try (var files = Files.list(logDir())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            instances.forEach(TamroiInstance::stop);
        } finally {
            try {
                if (broker != null) {
                    broker.stop();
                }
            } finally {
                database.dropSchema();
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (TamroiInstance instance : instances) {
            System.err.printf("%n---- last output of %s (all of it in %s) ----%n%s%n", instance.name(),
                    projectRoot.relativize(instance.log()), instance.tail(60));
        }
    }

    /** A Tamroi process of this test, not yet started. */
    TamroiInstance instance(String suffix) {
        TamroiInstance instance = new TamroiInstance("tamroi_" + name + "_" + RUN + "_" + suffix, this);
        instances.add(instance);
        return instance;
    }

    /**
     * How an operator would start the jar: production profile, configuration as system properties.
     * The consumer's session timeout is the broker's minimum (6 s, not 45 s), so that the group
     * gives a killed instance's partitions away within the test's patience.
     */
    List<String> javaCommand(String instanceName, int port) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl(instanceName));
        properties.put("quarkus.datasource.username", Database.USER);
        properties.put("quarkus.flyway.schemas", database.schema());
        properties.put("kafka.bootstrap.servers", KafkaBroker.bootstrapServers());
        properties.put("mp.messaging.incoming.step-events.client.id", instanceName);
        properties.put("mp.messaging.incoming.step-events.session.timeout.ms", "6000");
        properties.put("mp.messaging.incoming.step-events.heartbeat.interval.ms", "1000");
        properties.put("mp.jwt.verify.publickey.location", projectRoot.relativize(publicKey).toString());
        properties.put("mp.jwt.verify.issuer", ISSUER);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Tamroi's consumer group, seen with the admin client; close it after use. */
    ConsumerGroup consumerGroup() {
        return new ConsumerGroup(bootstrapServers(), CONSUMER_GROUP, Caseload.TOPIC);
    }

    /** Waits until the instance holds every partition, so that a stream started now is read at once. */
    void awaitHoldingAllPartitions(TamroiInstance instance) {
        try (ConsumerGroup group = consumerGroup()) {
            group.awaitAssignment(instance.name(), ALL_PARTITIONS, TamroiInstance.START_PATIENCE);
        }
    }

    /** A bearer token of the agency's identity provider, for every group. */
    String bearer(String agency) {
        return "Bearer " + Jwt.issuer(ISSUER)
                .upn("back-office@" + agency)
                .groups(Set.of("timeline-editor", "event-publisher", "agency-viewer"))
                .claim("agency", agency)
                .expiresIn(3600)
                .sign(keys.getPrivate());
    }

    void track(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    Path logDir() {
        return projectRoot.resolve("target").resolve("process-logs").resolve(name);
    }

    Path projectRoot() {
        return projectRoot;
    }

    Database database() {
        return database;
    }

    KafkaBroker broker() {
        return broker;
    }

    String bootstrapServers() {
        return KafkaBroker.bootstrapServers();
    }

    Scale scale() {
        return scale;
    }

    String name() {
        return name;
    }
}
