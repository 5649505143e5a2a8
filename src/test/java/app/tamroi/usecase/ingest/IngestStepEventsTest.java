package app.tamroi.usecase.ingest;

import app.tamroi.usecase.ingest.port.EventStore;
import static app.tamroi.support.inmem.IncomingEvent.stepCompleted;
import static app.tamroi.support.inmem.IncomingEvent.submitted;
import static app.tamroi.support.inmem.Timelines.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.journey.Status;
import app.tamroi.support.inmem.InMemTamroi;
import app.tamroi.support.inmem.IncomingEvent;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.EventOutcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ingestion over in-memory ports: which events are kept, once, and what each sender is told. */
class IngestStepEventsTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    static final Instant LAST_YEAR = Instant.parse("2025-11-01T00:00:00Z");

    final InMemTamroi tamroi = new InMemTamroi(NOW)
            .publish(service("pit-refund", "rd", "received", "verification", "approval"), 1, LAST_YEAR)
            .publish(service("vat-refund", "rd", "received", "audit"), 1, LAST_YEAR)
            .publish(service("work-permit", "doe", "received", "approval"), 1, LAST_YEAR);

    @Test
    void anEventIsAppliedOnceAndEverySendingAfterIsADuplicateOfTheSameApplication() {
        EventOutcome first = ingestOne(submitted("e-1", "A-1"));
        tamroi.clock.advance(Duration.ofMinutes(5));
        EventOutcome again = ingestOne(submitted("e-1", "A-1"));

        assertEquals(Outcome.APPLIED, first.outcome());
        assertEquals(Outcome.DUPLICATE, again.outcome());
        assertEquals(first.trackingCode(), again.trackingCode());
        assertEquals(1, tamroi.log.eventCount());
    }

    @Test
    void aSecondCopyInTheSameBatchIsADuplicateOfTheFirst() {
        List<EventOutcome> outcomes = ingest(submitted("e-1", "A-1"), stepCompleted("e-2", "A-1", "received"),
                submitted("e-1", "A-1"));

        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE), outcomes(outcomes));
        assertEquals(outcomes.get(0).trackingCode(), outcomes.get(2).trackingCode());
        assertEquals(2, tamroi.log.eventCount());
    }

    @Test
    void theSameIdFromAnotherAgencysSourceIsNotADuplicate() {
        List<EventOutcome> outcomes = ingest(submitted("e-1", "A-1").source("backoffice"),
                submitted("e-1", "A-1").source("backoffice").service("work-permit"));

        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED), outcomes(outcomes));
        assertEquals(2, tamroi.log.applications().size());
    }

    @Test
    void aRejectedEventLeavesNoTraceAndTheOthersOfItsBatchAreKept() {
        List<EventOutcome> outcomes = ingest(submitted("e-1", "A-1").time("not a time"), submitted("e-2", "A-2"));

        assertEquals(List.of(Outcome.REJECTED, Outcome.APPLIED), outcomes(outcomes));
        assertEquals("invalid-event", outcomes.get(0).problem().orElseThrow().kind());
        assertEquals(Optional.empty(), outcomes.get(0).trackingCode());
        assertEquals(List.of("A-2"), tamroi.log.applications().stream().map(Application::subject).toList());
    }

    @Test
    void aNewApplicationIsCreatedOnceWhateverHowManyEventsAndBatchesNameIt() {
        List<EventOutcome> firstBatch = ingest(submitted("e-1", "A-1"), stepCompleted("e-2", "A-1", "received"));
        tamroi.clock.advance(Duration.ofHours(1));
        EventOutcome later = ingestOne(stepCompleted("e-3", "A-1", "verification").time("2026-11-30T15:00:00+07:00"));

        assertEquals(1, tamroi.log.applications().size());
        Application app = tamroi.log.applications().get(0);
        assertEquals("pit-refund", app.serviceCode());
        assertEquals(NOW, app.createdAt());
        for (EventOutcome o : List.of(firstBatch.get(0), firstBatch.get(1), later)) {
            assertEquals(Optional.of(app.trackingCode().grouped()), o.trackingCode());
        }
        EventStore.Projection projection = tamroi.log.projection(app.id()).orElseThrow();
        assertEquals(3, projection.eventCount());
        assertEquals("approval", projection.status().currentStep().orElseThrow().step().code());
    }

    @Test
    void anEventForAnotherServiceOfTheSameAgencyIsRefusedAsWrongService() {
        ingestOne(submitted("e-1", "A-1"));
        EventOutcome vat = ingestOne(stepCompleted("e-2", "A-1", "audit").service("vat-refund"));

        assertEquals(Outcome.REJECTED, vat.outcome());
        assertEquals("wrong-service", vat.problem().orElseThrow().kind());
        assertEquals(1, tamroi.log.eventCount());
    }

    @Test
    void aStepTheServiceDoesNotHaveIsRefusedAndCreatesNoApplication() {
        EventOutcome outcome = ingestOne(stepCompleted("e-1", "A-1", "interview"));

        assertEquals("unknown-step", outcome.problem().orElseThrow().kind());
        assertEquals(422, outcome.problem().orElseThrow().status());
        assertEquals(List.of(), tamroi.log.applications());
    }

    @Test
    void aStepAddedInALaterVersionIsUnknownToAnApplicationSubmittedBefore() {
        ingestOne(submitted("e-1", "A-1").time("2026-11-30T09:00:00+07:00"));
        tamroi.publish(service("pit-refund", "rd", "received", "verification", "interview", "approval"), 2, NOW.plusSeconds(60));
        tamroi.clock.advance(Duration.ofMinutes(2));
        List<EventOutcome> outcomes = ingest(stepCompleted("e-2", "A-1", "interview"),
                submitted("e-3", "A-2").time("2026-11-30T15:01:30+07:00"), stepCompleted("e-4", "A-2", "interview"));

        assertEquals(List.of(Outcome.REJECTED, Outcome.APPLIED, Outcome.APPLIED), outcomes(outcomes));
        assertEquals("version 1 of service 'pit-refund' has no step 'interview'", outcomes.get(0).problem().orElseThrow().detail());
    }

    @Test
    void aTokenIsRefusedTheEventsOfAnotherAgencysServicesOnly() {
        Sender doe = Sender.http(new Caller("doe", Set.of(Caller.EVENT_PUBLISHER)));
        List<EventOutcome> outcomes = tamroi.ingest.ingest(List.of(submitted("e-1", "A-1").read(),
                submitted("e-2", "A-2").service("work-permit").read()), doe);

        assertEquals(List.of(Outcome.REJECTED, Outcome.APPLIED), outcomes(outcomes));
        assertEquals(403, outcomes.get(0).problem().orElseThrow().status());
        assertEquals(List.of("doe"), tamroi.log.applications().stream().map(Application::agency).toList());
    }

    @Test
    void anEventTheStoreRefusesIsRejectedAloneAndTheRestOfTheBatchIsKept() {
        tamroi.log.refuse(e -> e.event().publicNote().filter(n -> n.contains("poison")).isPresent());
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(submitted("e-" + i, "A-" + i).publicNote(i == 5 ? "poison" : "fine"));
        }
        List<EventOutcome> outcomes = ingest(batch.toArray(IncomingEvent[]::new));

        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.APPLIED, Outcome.REJECTED, Outcome.APPLIED, Outcome.APPLIED), outcomes(outcomes));
        EventProblem problem = outcomes.get(5).problem().orElseThrow();
        assertEquals("unstorable-event", problem.kind());
        assertEquals("the database refused this event's data (SQL state 22023); nothing of it was stored", problem.detail());
        assertEquals(7, tamroi.log.eventCount());
        assertEquals(7, tamroi.log.applications().size());
        // halving: the whole batch, then one half at each of three levels down to the event alone
        assertTrue(tamroi.transactions.begun() <= 1 + 2 * 3, "transactions: " + tamroi.transactions.begun());
    }

    @Test
    void whileTheStoreIsAwayTheBatchIsHandedBackWithNothingRefused() {
        tamroi.log.goAway();
        assertThrows(StoreUnavailableException.class, () -> ingest(submitted("e-1", "A-1"), submitted("e-2", "A-2")));
        assertEquals(1, tamroi.transactions.begun());
    }

    @Test
    void theProjectionIsTheStatusAtTheInstantTheBatchWasReceived() {
        ingestOne(submitted("e-1", "A-1").time("2026-11-30T09:00:00+07:00"));
        Application app = tamroi.log.applications().get(0);
        EventStore.Projection projection = tamroi.log.projection(app.id()).orElseThrow();

        assertEquals(NOW, projection.status().asOf());
        assertEquals(Status.ON_TRACK, projection.status().status());
        assertEquals(1, projection.serviceVersion());
    }

    private EventOutcome ingestOne(IncomingEvent event) {
        return ingest(event).get(0);
    }

    private List<EventOutcome> ingest(IncomingEvent... events) {
        return tamroi.ingest.ingest(Arrays.stream(events).map(IncomingEvent::read).toList(), Sender.kafka());
    }

    private static List<Outcome> outcomes(List<EventOutcome> outcomes) {
        return outcomes.stream().map(EventOutcome::outcome).toList();
    }
}
