package app.tamroi.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every PostgreSQL connection Tamroi holds is cut, again and again for a few seconds, while events
 * arrive over Kafka and over HTTP. HTTP callers are told 503 with Retry-After, and nothing else
 * goes wrong for them; Tamroi recovers without a restart; every event is in the log once. Then,
 * with Tamroi idle, its pooled connections are cut once more: the next callers must not notice.
 */
class LostDatabaseConnectionsProcessIT {

    @RegisterExtension
    static final Testbed TESTBED = new Testbed("dbdrop");

    /** How long the database stays out of reach: every connection is cut as soon as it appears. */
    static final Duration OUTAGE = Duration.ofSeconds(4);
    static final Duration CUT_EVERY = Duration.ofMillis(50);

    private final ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopCutting() {
        cutter.shutdownNow();
    }

    @Test
    void afterItsConnectionsAreCutTamroiRecoversAloneAndCallersWereToldToRetry() throws Exception {
        Scale scale = TESTBED.scale();
        Database database = TESTBED.database();
        Caseload overKafka = Caseload.of("DBK", scale.applications() / 2, 41);
        Caseload overHttp = Caseload.of("DBH", scale.applications() / 2, 42);
        Set<String> allEvents = new HashSet<>(overKafka.eventKeys());
        allEvents.addAll(overHttp.eventKeys());
        TamroiInstance tamroi = TESTBED.instance("a");
        tamroi.start();

        Duration spread = Duration.ofMillis(overKafka.arrivals().size() * 1000L / (scale.eventsPerSecond() / 2));
        HttpBackOffice backOffice = new HttpBackOffice(tamroi, TESTBED.bearer(Caseload.AGENCY), overHttp.arrivals(), 20, 4, spread);
        TESTBED.awaitHoldingAllPartitions(tamroi);
        long began = System.nanoTime();
        AtomicInteger cut = new AtomicInteger();
        Duration allLogged;
        try (EventStream stream = new EventStream(TESTBED.bootstrapServers(), overKafka.records(), scale.eventsPerSecond() / 2).start()) {
            CompletableFuture<Void> httpDone = backOffice.start();
            Proofs.awaitUnderWay(stream, database, scale.patience(allEvents.size()));
            assertTrue(stream.sent() < stream.total(), "the stream was still running when the outage began");
            ScheduledFuture<?> cutting = cutter.scheduleAtFixedRate(() -> {
                try {
                    cut.addAndGet(database.terminateConnectionsOf(tamroi.name()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, CUT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            cutter.schedule(() -> cutting.cancel(false), OUTAGE.toMillis(), TimeUnit.MILLISECONDS).get();

            stream.awaitAcknowledged(scale.patience(allEvents.size()));
            httpDone.get(scale.patience(allEvents.size()).toSeconds(), TimeUnit.SECONDS);
            allLogged = Proofs.awaitLogged(database, allEvents.size(), scale.patience(allEvents.size()), began);
        }

        assertTrue(cut.get() > 0, "Tamroi's connections were cut");
        List<String> wrong = backOffice.wrongAnswers();
        assertTrue(wrong.isEmpty(), wrong.size() + " answers were neither 200 nor an honest 503, e.g. "
                + wrong.subList(0, Math.min(3, wrong.size())));
        assertTrue(backOffice.unavailable() > 0, "HTTP callers were told 503 while the database was out of reach");
        assertEquals(backOffice.batches(), backOffice.accepted(), "batches finally accepted");
        assertTrue(tamroi.alive() && tamroi.ready(), "Tamroi recovered on its own, without a restart");

        int cutWhileIdle = database.terminateConnectionsOf(tamroi.name());
        List<Integer> afterIdleCut = new ArrayList<>();
        for (Caseload.Event resend : overHttp.arrivals().subList(0, cutWhileIdle + 2)) {
            afterIdleCut.add(tamroi.post("/api/v1/events", TESTBED.bearer(Caseload.AGENCY), "application/cloudevents+json",
                    resend.cloudEvent().toString()).statusCode());
        }
        assertTrue(cutWhileIdle > 0, "the idle pool held connections to cut");
        assertEquals(Collections.nCopies(afterIdleCut.size(), 200), afterIdleCut,
                "answers to the first callers after every idle connection was cut");

        Proofs.assertEveryEventLoggedOnce(database, allEvents);
        Proofs.assertEveryApplicationShowsItsJourney(database, overKafka);
        Proofs.assertEveryApplicationShowsItsJourney(database, overHttp);
        Duration replay = Proofs.assertReplayChangesNoProjection(tamroi, database,
                overKafka.applications().size() + overHttp.applications().size());
        Proofs.record(TESTBED, String.format("lost connections: %d Kafka records and %d HTTP batches (%d distinct events, "
                        + "%d applications); every connection cut every %d ms for %s (%d cut); %d answers 503 with Retry-After, "
                        + "0 other errors; %d events a 503 had in fact stored; callers served again %s after the last 503; "
                        + "all logged %s after the streams began; %d idle connections cut, next %d callers all 200; replay %s",
                overKafka.arrivals().size(), backOffice.batches(),
                allEvents.size(), overKafka.applications().size() + overHttp.applications().size(), CUT_EVERY.toMillis(),
                Proofs.seconds(OUTAGE), cut.get(), backOffice.unavailable(), backOffice.storedDespite503(),
                Proofs.seconds(backOffice.lastOutageSeenByCallers()), Proofs.seconds(allLogged), cutWhileIdle,
                afterIdleCut.size(), Proofs.seconds(replay)));
    }
}
