package app.tamroi.usecase.importlog;

import static app.tamroi.usecase.importlog.Logs.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.journey.Status;
import app.tamroi.support.Defaults;
import app.tamroi.support.inmem.InMemTamroi;
import app.tamroi.support.inmem.IncomingEvent;
import app.tamroi.support.inmem.Timelines;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.Sender;
import app.tamroi.usecase.timeline.PublishTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Importing a log over in-memory ports: all of it or nothing, once however often, in the order it happened. */
class ImportLogTest {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    final InMemTamroi tamroi = new InMemTamroi(NOW);
    final ImportLog importLog = new ImportLog(tamroi.catalogue,
            new PublishTimeline(tamroi.versions, tamroi.catalogue, name -> Optional.empty(), Defaults.limits(), tamroi.clock),
            name -> Optional.empty(), tamroi.ingest, tamroi.log, tamroi.transactions, Defaults.limits(), tamroi.clock);

    static final List<LoggedEvent> PERMITS = Logs.of(
            row("P-1", "Register", "2026-03-02T02:00:00Z"), row("P-1", "Check", "2026-03-02T03:00:00Z"),
            row("P-1", "Approve", "2026-03-03T03:00:00Z"),
            row("P-2", "Register", "2026-03-02T04:00:00Z"), row("P-2", "Check", "2026-03-04T04:00:00Z"),
            row("P-2", "Refuse", "2026-03-05T04:00:00Z"),
            row("P-3", "Register", "2026-03-03T01:00:00Z"));

    static ImportLog.Request into(String service, boolean publish, Map<String, String> mapping) {
        return new ImportLog.Request(service, publish, Optional.of("city"), Optional.empty(),
                Optional.of(ImportLog.ALWAYS_CALENDAR), mapping.isEmpty() ? Optional.empty() : Optional.of(mapping),
                new Endings(Set.of("Refuse"), Set.of()), "");
    }

    @Test
    void everyCaseBecomesAnApplicationOfTheTimelineDrawnFromTheLog() {
        ImportLog.Plan plan = importLog.prepare(PERMITS, into("permits", true, Map.of()));
        List<Long> progress = new ArrayList<>();

        ImportLog.Summary summary = importLog.run(plan, 3, (done, total) -> progress.add(done));

        assertEquals(3, summary.cases());
        assertEquals(7, summary.loggedEvents());
        assertEquals(10, summary.applied());
        assertEquals(List.of(3L, 6L, 9L, 10L), progress);
        assertEquals(Optional.of(new PublishTimeline.Published("permits", 1, true)), summary.published());
        assertEquals(Status.COMPLETED_ON_TIME, status("P-1"));
        assertEquals(Status.REJECTED, status("P-2"));
        assertEquals(Status.COMPLETED_ON_TIME, status("P-3"));
        assertTrue(tamroi.log.applications().stream().allMatch(a -> tamroi.log.events(a.id()).stream()
                .allMatch(e -> e.channel().equals(Sender.importLog().channel()))));
    }

    @Test
    void eventsGoInInTheOrderTheyHappenedAcrossCases() {
        ImportLog.Plan plan = importLog.prepare(PERMITS, into("permits", true, Map.of()));

        List<String> ids = plan.inEventTimeOrder().stream().map(CaseEvent::id).toList();

        assertEquals(List.of("P-1#0", "P-1#1", "P-1#2", "P-2#0", "P-2#1", "P-3#0", "P-3#1", "P-1#3", "P-2#2", "P-2#3"), ids);
    }

    @Test
    void importingTheSameLogAgainPublishesAndStoresNothingNew() {
        importLog.run(importLog.prepare(PERMITS, into("permits", true, Map.of())), 500, (done, total) -> { });
        int events = tamroi.log.eventCount();

        ImportLog.Summary again = importLog.run(importLog.prepare(PERMITS, into("permits", true, Map.of())), 500,
                (done, total) -> { });

        assertEquals(0, again.applied());
        assertEquals(10, again.duplicates());
        assertEquals(Optional.of(new PublishTimeline.Published("permits", 1, false)), again.published());
        assertEquals(events, tamroi.log.eventCount());
    }

    @Test
    void oneBadEventAnywhereInTheLogImportsNothingAtAll() {
        List<LoggedEvent> withFuture = new ArrayList<>(PERMITS);
        withFuture.add(new LoggedEvent("P-9", "Register", NOW.plusSeconds(3600), 99));

        InvalidEventLogException e = assertThrows(InvalidEventLogException.class,
                () -> importLog.prepare(withFuture, into("permits", true, Map.of())));

        assertEquals("line 99: time 2026-12-01T04:00:00Z lies in the future", e.getMessage());
        assertTrue(tamroi.catalogue.history("permits").isEmpty(), "no timeline was published");
        assertEquals(0, tamroi.log.applications().size());
    }

    @Test
    void aPublishedServiceTakesTheLogThroughTheAgencysMapping() {
        tamroi.publish(Timelines.service("permits", "city", "intake", "review", "decision"), 1, NOW.minusSeconds(86_400));
        Map<String, String> mapping = Map.of("Check", "review", "Approve", "decision", "Refuse", "decision");

        ImportLog.Summary summary = importLog.run(importLog.prepare(PERMITS, into("permits", false, mapping)), 500,
                (done, total) -> { });

        assertEquals(10, summary.applied());
        assertEquals(Optional.empty(), summary.published());
        assertEquals(Status.REJECTED, status("P-2"));
    }

    @Test
    void aServicePublishedWithAnotherTimelineIsNotRepublishedUnderItsHistory() {
        tamroi.publish(Timelines.service("permits", "city", "intake", "review"), 1, NOW.minusSeconds(86_400));

        InvalidEventLogException e = assertThrows(InvalidEventLogException.class,
                () -> importLog.prepare(PERMITS, into("permits", true, Map.of())));

        assertTrue(e.getMessage().startsWith("service 'permits' is published already (version 1) with another timeline"),
                e.getMessage());
    }

    @Test
    void aCaseTrackedUnderAnotherServiceIsRefusedAtItsFirstLine() {
        tamroi.publish(Timelines.service("licences", "city", "intake"), 1, NOW.minusSeconds(86_400));
        tamroi.ingest.ingest(List.of(IncomingEvent.submitted("l-1", "P-2").service("licences").read()), Sender.kafka());

        InvalidEventLogException e = assertThrows(InvalidEventLogException.class,
                () -> importLog.prepare(PERMITS, into("permits", true, Map.of())));

        assertEquals("line 5: case 'P-2' is tracked already, as application 'P-2' of service 'licences'; give this log's "
                + "cases a prefix of their own", e.getMessage());
    }

    @Test
    void anEndingNamedForAnActivityTheLogNeverHasIsATypo() {
        ImportLog.Request request = new ImportLog.Request("permits", true, Optional.of("city"), Optional.empty(),
                Optional.of(ImportLog.ALWAYS_CALENDAR), Optional.empty(), new Endings(Set.of("Refused"), Set.of()), "");

        InvalidEventLogException e = assertThrows(InvalidEventLogException.class, () -> importLog.prepare(PERMITS, request));

        assertEquals("activity 'Refused', named to end a case as rejected, appears in no event of the log", e.getMessage());
    }

    private Status status(String subject) {
        return tamroi.track.forAgency(new Caller("city", Set.of(Caller.AGENCY_VIEWER)), "city", subject, Optional.empty())
                .status().status();
    }
}
