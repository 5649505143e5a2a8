package app.tamroi.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One Tamroi, started from the packaged jar as its own operating-system process, exactly as it is
 * deployed: the production profile, its own HTTP port, the test's schema and broker. Its output
 * goes to a file under target/process-logs, kept across restarts.
 */
final class TamroiInstance {

    static final Duration START_PATIENCE = Duration.ofSeconds(90);

    private final String name;
    private final Testbed testbed;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;
    private int managementPort;
    private Process process;
    private UnaryOperator<List<String>> adjustment = UnaryOperator.identity();

    TamroiInstance(String name, Testbed testbed) {
        this.name = name;
        this.testbed = testbed;
        this.log = testbed.logDir().resolve(name + ".log");
    }

    String name() {
        return name;
    }

    /** Its starts use the testbed's command changed as given: another profile, other keys. */
    TamroiInstance adjusting(UnaryOperator<List<String>> adjustment) {
        this.adjustment = adjustment;
        return this;
    }

    /** Starts the process and waits until it reports ready; how long that took. */
    Duration start() {
        long began = System.nanoTime();
        launch();
        awaitReady();
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Starts the process, which ought to refuse: waits until it exits, failing at once if it gets ready; its exit code. */
    int startRefused() {
        launch();
        await("refusal of " + name).atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (ready()) {
                throw new AssertionError(name + " started instead of refusing:\n" + tail(40));
            }
            return !process.isAlive();
        });
        return process.exitValue();
    }

    private void launch() {
        port = freePort();
        managementPort = freePort();
        process = launch(new ArrayList<>(adjustment.apply(withManagementPort(testbed.javaCommand(name, port), managementPort))),
                log, "start");
    }

    private Process launch(List<String> command, Path output, String what) {
        try {
            Files.createDirectories(output.getParent());
            Files.writeString(output, "==== " + Instant.now() + " " + what + " " + name + " (port " + port
                            + ", management " + managementPort + ")" + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(command)
                    .directory(testbed.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            testbed.track(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    void awaitReady() {
        await("readiness of " + name).atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting:\n" + tail(40));
            }
            return ready();
        });
    }

    /** Readiness is asked on the management port, where operators' endpoints live. */
    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Health and metrics answer on a port of their own, given before {@code -jar} like every other setting. */
    private static List<String> withManagementPort(List<String> javaCommand, int managementPort) {
        List<String> command = new ArrayList<>(javaCommand);
        int jar = command.indexOf("-jar");
        command.add(jar, "-Dquarkus.management.host=127.0.0.1");
        command.add(jar, "-Dquarkus.management.port=" + managementPort);
        return command;
    }

    HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    HttpResponse<String> post(String path, String bearer, String contentType, String body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", bearer).header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The process dies at once, as on a power cut or an OOM kill: no shutdown hook runs. */
    void killHard() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an orchestrator scaling in would send; Quarkus shuts down gracefully. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /**
     * {@code rebuild-projections}, run beside the live instance with the same configuration; it
     * replays the log into every projection and exits.
     */
    Duration rebuildProjections() throws IOException, InterruptedException {
        long began = System.nanoTime();
        // port 0: the rebuild must not take the live instance's ports, whatever it opens
        List<String> command = withManagementPort(testbed.javaCommand(name + "-rebuild", 0), 0);
        command.add("rebuild-projections");
        Path output = testbed.logDir().resolve(name + "-rebuild.log");
        Process rebuild = launch(command, output, "rebuild-projections beside");
        if (!rebuild.waitFor(3, TimeUnit.MINUTES)) {
            rebuild.destroyForcibly();
            throw new AssertionError("rebuild-projections did not finish within 3 minutes:\n" + tail(output, 40));
        }
        if (rebuild.exitValue() != 0) {
            throw new AssertionError("rebuild-projections exited with " + rebuild.exitValue() + ":\n" + tail(output, 40));
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The last lines of this instance's output, to see why a test failed. */
    String tail(int lines) {
        return tail(log, lines);
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
