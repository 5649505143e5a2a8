package app.tamroi.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tamroi killed with SIGKILL in the middle of a stream of step events, then started again: the
 * records it had read but not yet committed come again, and none of them is lost or counted twice.
 */
class KillNineProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("kill");

    @Test
    void afterAKillAndARestartEveryEventIsLoggedOnceAndAReplayChangesNothing() throws Exception {
        Scale scale = TESTBED.scale();
        Database database = TESTBED.database();
        Caseload caseload = Caseload.of("KILL", scale.applications(), 11);
        int events = caseload.eventKeys().size();
        TamroiInstance tamroi = TESTBED.instance("a");
        Duration firstStart = tamroi.start();

        TESTBED.awaitHoldingAllPartitions(tamroi);
        long began = System.nanoTime();
        long loggedAtKill;
        long committedAtKill;
        Duration restart;
        Duration allLogged;
        try (EventStream stream = new EventStream(TESTBED.bootstrapServers(), caseload.records(), scale.eventsPerSecond()).start()) {
            Proofs.awaitUnderWay(stream, database, scale.patience(events));
            tamroi.killHard();
            loggedAtKill = database.loggedEvents();
            try (ConsumerGroup group = TESTBED.consumerGroup()) {
                committedAtKill = group.committed().values().stream().mapToLong(Long::longValue).sum();
            }
            assertTrue(stream.sent() < stream.total(), "the stream was still running when Tamroi was killed");
            restart = tamroi.start();
            stream.awaitAcknowledged(scale.patience(events));
            allLogged = Proofs.awaitLogged(database, events, scale.patience(events), began);
        }

        Proofs.assertEveryEventLoggedOnce(database, caseload.eventKeys());
        Proofs.assertEveryApplicationShowsItsJourney(database, caseload);
        Duration replay = Proofs.assertReplayChangesNoProjection(tamroi, database, caseload.applications().size());
        Proofs.record(TESTBED, String.format("kill -9: %d records sent (%d distinct events, %d applications), "
                        + "%d events logged when killed while the group had committed %d records (the rest is read "
                        + "again after the restart), first start %s, restart to ready %s, all logged %s after the "
                        + "stream began, replay %s", caseload.arrivals().size(), events, caseload.applications().size(),
                loggedAtKill, committedAtKill, Proofs.seconds(firstStart), Proofs.seconds(restart), Proofs.seconds(allLogged),
                Proofs.seconds(replay)));
    }
}
