package app.tamroi.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker is restarted while step events stream in. Tamroi says it is not ready while the broker
 * is away, picks up where its group left off once it is back, and every event is in the log once.
 */
class BrokerRestartProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("broker");

    @Test
    void afterABrokerRestartConsumptionResumesWithNothingLostOrDoubled() throws Exception {
        Scale scale = TESTBED.scale();
        Database database = TESTBED.database();
        Caseload caseload = Caseload.of("BRKR", scale.applications(), 31);
        int events = caseload.eventKeys().size();
        TamroiInstance tamroi = TESTBED.instance("a");
        tamroi.start();

        TESTBED.awaitHoldingAllPartitions(tamroi);
        long began = System.nanoTime();
        Duration noticed;
        Duration brokerAway;
        Duration readyAgain;
        long loggedAtStop;
        Duration allLogged;
        try (EventStream stream = new EventStream(TESTBED.bootstrapServers(), caseload.records(), scale.eventsPerSecond()).start()) {
            Proofs.awaitUnderWay(stream, database, scale.patience(events));
            long stopped = System.nanoTime();
            TESTBED.broker().stopBrokerNodes();
            loggedAtStop = database.loggedEvents();
            assertTrue(stream.sent() < stream.total(), "the stream was still running when the broker stopped");
            // the broker stays away until Tamroi has noticed, as an orchestrator would see it
            await("Tamroi to report that it is not ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !tamroi.ready());
            noticed = Duration.ofNanos(System.nanoTime() - stopped);
            TESTBED.broker().startBrokerNodes();
            brokerAway = Duration.ofNanos(System.nanoTime() - stopped);
            long restarted = System.nanoTime();
            await("Tamroi to be ready again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(tamroi::ready);
            readyAgain = Duration.ofNanos(System.nanoTime() - restarted);
            stream.awaitAcknowledged(scale.patience(events));
            allLogged = Proofs.awaitLogged(database, events, scale.patience(events), began);
        }

        assertTrue(tamroi.alive(), "Tamroi kept running through the broker restart");
        Proofs.assertEveryEventLoggedOnce(database, caseload.eventKeys());
        Proofs.assertEveryApplicationShowsItsJourney(database, caseload);
        Proofs.record(TESTBED, String.format("broker restart: %d records sent (%d distinct events, %d applications), "
                        + "%d events logged when the broker stopped, not ready %s after it stopped, broker away %s, ready "
                        + "again %s after it restarted, all logged %s after the stream began", caseload.arrivals().size(),
                events, caseload.applications().size(), loggedAtStop, Proofs.seconds(noticed), Proofs.seconds(brokerAway),
                Proofs.seconds(readyAgain), Proofs.seconds(allLogged)));
    }
}
