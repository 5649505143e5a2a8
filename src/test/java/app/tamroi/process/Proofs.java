package app.tamroi.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What every fault test must end with, whatever the fault: the same checks, the same words. */
final class Proofs {

    private Proofs() {
    }

    /**
     * Waits until a fault may strike "while events stream in": a good part of the stream sent,
     * some of it already stored, the rest still to come. Keyed to the stream, not to Tamroi's pace,
     * so that a slow, shared machine does not let the stream run out first.
     */
    static void awaitUnderWay(EventStream stream, Database database, Duration patience) {
        await("the stream to be under way").atMost(patience).pollInterval(Duration.ofMillis(50))
                .until(() -> stream.passed(0.3) && database.loggedEvents() > 0);
    }

    /** Waits until the log holds this many events; how long that took from {@code since}. */
    static Duration awaitLogged(Database database, long events, Duration patience, long since) {
        await("the log to hold " + events + " events").atMost(patience).pollInterval(Duration.ofMillis(250))
                .until(() -> database.loggedEvents() >= events);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Waits until the group has committed everything written to the topic: every batch is done. */
    static void awaitCaughtUp(ConsumerGroup group, Duration patience) {
        await("the consumer group to commit every record").atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(() -> group.lag() == 0);
    }

    /** Each event that was sent is in the log, once: nothing lost, nothing doubled, nothing else. */
    static void assertEveryEventLoggedOnce(Database database, Set<String> sent) throws SQLException {
        Set<String> logged = database.loggedEventKeys();
        Set<String> missing = new HashSet<>(sent);
        missing.removeAll(logged);
        Set<String> unexpected = new HashSet<>(logged);
        unexpected.removeAll(sent);
        assertTrue(missing.isEmpty(), missing.size() + " events sent but not in the log, e.g. " + first(missing));
        assertTrue(unexpected.isEmpty(), unexpected.size() + " events in the log that were never sent, e.g. " + first(unexpected));
        // the unique key already forbids a double; the count says so in the user's terms
        assertEquals(sent.size(), database.loggedEvents(), "events in the log");
    }

    /** Every application shows what its journey leads to, as its status page would. */
    static void assertEveryApplicationShowsItsJourney(Database database, Caseload caseload) throws SQLException {
        Map<String, Database.Projection> stored = database.projections();
        List<String> wrong = new ArrayList<>();
        for (Caseload.Application application : caseload.applications()) {
            Caseload.Expected expected = application.expected();
            Database.Projection actual = stored.get(application.subject());
            Database.Projection wanted = new Database.Projection(expected.status(), expected.currentStep(), expected.ended(),
                    expected.eventCount());
            if (!Objects.equals(actual, wanted)) {
                wrong.add(application.subject() + ": " + actual + " instead of " + wanted);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + caseload.applications().size()
                + " applications show the wrong status, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
    }

    /**
     * Replays the log with {@code rebuild-projections} beside the live instance, and proves that
     * every projection it writes is exactly the one live ingestion left there.
     */
    static Duration assertReplayChangesNoProjection(TamroiInstance beside, Database database, int applications)
            throws Exception {
        String live = database.projectionChecksum();
        Instant began = Instant.now();
        Duration took = beside.rebuildProjections();
        assertEquals(applications, database.projectedSince(began), "projections the replay rewrote");
        assertEquals(live, database.projectionChecksum(), "projections after a replay of the log");
        return took;
    }

    /**
     * One line of figures per test, printed and kept in target/process-logs/figures.txt, from
     * which docs/faults.md is written.
     */
    static void record(Testbed testbed, String figures) {
        String line = String.format("%s | scale=%s | %s | %s%n", Instant.now(), testbed.scale().name(), testbed.name(), figures);
        System.out.print("[faults] " + line);
        try {
            Path file = testbed.projectRoot().resolve("target").resolve("process-logs").resolve("figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[faults] figures not kept: " + e.getMessage());
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String first(Set<String> keys) {
        return keys.stream().sorted().limit(3).toList().toString();
    }
}
