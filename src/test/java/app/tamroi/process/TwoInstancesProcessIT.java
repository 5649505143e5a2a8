package app.tamroi.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Tamroi instances in one consumer group share the partitions of {@code tamroi.step-events};
 * then one is scaled in while events still stream, and the other takes its partitions over. Every
 * application still ends where its events, taken in event-time order, lead, with each event once.
 */
class TwoInstancesProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("scale");

    @Test
    void twoInstancesShareThePartitionsAndEachEventIsAppliedOnceInEventTimeOrder() throws Exception {
        Scale scale = TESTBED.scale();
        Database database = TESTBED.database();
        Caseload caseload = Caseload.of("SCALE", scale.applications(), 21);
        int events = caseload.eventKeys().size();
        TamroiInstance a = TESTBED.instance("a");
        TamroiInstance b = TESTBED.instance("b");
        a.start();
        b.start();

        try (ConsumerGroup group = TESTBED.consumerGroup()) {
            await("both instances holding partitions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> sharedByBoth(group.assignment(), a, b));
            Map<String, Set<Integer>> shared = group.assignment();

            long began = System.nanoTime();
            // slower than the other tests, so that both instances have committed work before one leaves
            int pace = Math.max(100, scale.eventsPerSecond() * 6 / 10);
            Duration allLogged;
            Map<Integer, Long> committedWhileShared;
            try (EventStream stream = new EventStream(TESTBED.bootstrapServers(), caseload.records(), pace).start()) {
                // half the stream is shared, and each instance has committed work of its own
                await("every partition to have committed work").atMost(scale.patience(events)).pollInterval(Duration.ofMillis(200))
                        .until(() -> stream.passed(0.5) && group.committed().values().stream().filter(offset -> offset > 0)
                                .count() == Testbed.ALL_PARTITIONS.size());
                committedWhileShared = group.committed();
                assertEquals(shared, group.assignment(), "the partitions stayed where they were while both instances ran");
                assertTrue(stream.sent() < stream.total(), "the stream was still running when an instance was scaled in");

                b.stop();
                await(a.name() + " taking over every partition").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Testbed.ALL_PARTITIONS.equals(group.assignment().get(a.name())));
                stream.awaitAcknowledged(scale.patience(events));
                allLogged = Proofs.awaitLogged(database, events, scale.patience(events), began);
            }
            Proofs.awaitCaughtUp(group, scale.patience(events));

            Proofs.assertEveryEventLoggedOnce(database, caseload.eventKeys());
            Proofs.assertEveryApplicationShowsItsJourney(database, caseload);
            Duration replay = Proofs.assertReplayChangesNoProjection(a, database, caseload.applications().size());
            Proofs.record(TESTBED, String.format("two instances: %d records sent (%d distinct events, %d applications) at "
                            + "%d/s, partitions %s, committed per partition while shared %s, then %s scaled in; all logged "
                            + "%s after the stream began, replay %s", caseload.arrivals().size(), events,
                    caseload.applications().size(), pace, shared, committedWhileShared, b.name(), Proofs.seconds(allLogged),
                    Proofs.seconds(replay)));
        }
    }

    /** Each instance holds at least one partition and together they hold all of them. */
    private static boolean sharedByBoth(Map<String, Set<Integer>> assignment, TamroiInstance a, TamroiInstance b) {
        Set<Integer> ofA = assignment.getOrDefault(a.name(), Set.of());
        Set<Integer> ofB = assignment.getOrDefault(b.name(), Set.of());
        Set<Integer> together = new TreeSet<>(ofA);
        together.addAll(ofB);
        return assignment.size() == 2 && !ofA.isEmpty() && !ofB.isEmpty() && together.equals(Testbed.ALL_PARTITIONS);
    }
}
