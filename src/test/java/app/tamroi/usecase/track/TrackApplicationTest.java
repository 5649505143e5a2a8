package app.tamroi.usecase.track;

import static app.tamroi.support.inmem.IncomingEvent.stepCompleted;
import static app.tamroi.support.inmem.IncomingEvent.submitted;
import static app.tamroi.support.inmem.Timelines.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.Status;
import app.tamroi.support.inmem.InMemTamroi;
import app.tamroi.support.inmem.IncomingEvent;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.access.NotPermittedException;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where an application stands, over in-memory ports. The refund (three steps of one working day,
 * Monday to Friday in Bangkok) is submitted on Monday 30 November at 09:00 and received at 15:00;
 * it is Tuesday 1 December, 10:00, when the citizen looks.
 */
class TrackApplicationTest {

    static final Instant TUESDAY_10_00 = Instant.parse("2026-12-01T03:00:00Z");
    static final Caller RD = new Caller("rd", Set.of(Caller.AGENCY_VIEWER));
    static final Caller DOE = new Caller("doe", Set.of(Caller.AGENCY_VIEWER));

    final InMemTamroi tamroi = new InMemTamroi(TUESDAY_10_00)
            .publish(service("pit-refund", "rd", "received", "verification", "approval"), 1, Instant.parse("2025-11-01T00:00:00Z"))
            .publish(service("work-permit", "doe", "received", "approval"), 1, Instant.parse("2025-11-01T00:00:00Z"));
    String trackingCode;

    @BeforeEach
    void theRefundIsReceived() {
        trackingCode = ingest(submitted("e-1", "A-1").time("2026-11-30T09:00:00+07:00"),
                stepCompleted("e-2", "A-1", "received").time("2026-11-30T15:00:00+07:00")).trackingCode().orElseThrow();
    }

    @Test
    void theCitizenFindsTheApplicationByItsCodeHoweverItIsWritten() {
        String asOnPaper = trackingCode.toLowerCase(Locale.ROOT).replace("-", " ");
        TrackedApplication tracked = tamroi.track.byTrackingCode(asOnPaper).orElseThrow();

        assertEquals("A-1", tracked.application().subject());
        assertEquals(Optional.of("verification"), tracked.status().currentStep().map(c -> c.step().code()));
        assertEquals(TUESDAY_10_00, tracked.status().asOf());
        assertEquals(2, tracked.events().size());
        assertEquals("The Revenue Department", tracked.agency().name().en());
    }

    @Test
    void aMalformedAMistypedAndAnUnknownCodeAllLookAlike() {
        String mistyped = trackingCode.substring(0, trackingCode.length() - 1)
                + (trackingCode.endsWith("0") ? "1" : "0");
        String unknown = TrackingCode.generate(new Random(42)).grouped();

        for (String code : List.of("", "not a code", "A-1", mistyped, unknown)) {
            assertEquals(Optional.empty(), tamroi.track.byTrackingCode(code), code);
        }
    }

    @Test
    void theCitizensViewIsAlwaysNowSoTimeAloneMovesIt() {
        // a day and an hour gone, verification due in five hours, approval a day after: 18 hours to spare of 72
        assertEquals(Status.AHEAD, tamroi.track.byTrackingCode(trackingCode).orElseThrow().status().status());
        // three working days promised; by Friday the fourth has begun without another event
        tamroi.clock.advance(Duration.ofDays(3));
        assertEquals(Status.BEHIND, tamroi.track.byTrackingCode(trackingCode).orElseThrow().status().status());
    }

    @Test
    void anAgencyFindsItsApplicationByItsOwnId() {
        TrackedApplication tracked = tamroi.track.forAgency(RD, "rd", "A-1", Optional.empty());
        assertEquals(trackingCode, tracked.application().trackingCode().grouped());
        assertEquals(TUESDAY_10_00, tracked.status().asOf());
    }

    @Test
    void anotherAgencyIsRefusedAndCannotReachItUnderItsOwnName() {
        NotPermittedException refused = assertThrows(NotPermittedException.class,
                () -> tamroi.track.forAgency(DOE, "rd", "A-1", Optional.empty()));
        assertEquals("your token acts for agency 'doe', but this application belongs to agency 'rd'", refused.getMessage());
        assertThrows(NotFoundException.class, () -> tamroi.track.forAgency(DOE, "doe", "A-1", Optional.empty()));
    }

    @Test
    void asOfAnInstantTheStatusIsWhatItWasThenFromTheEventsTimedBefore() {
        Instant mondayNoon = Instant.parse("2026-11-30T05:00:00Z");
        TrackedApplication then = tamroi.track.forAgency(RD, "rd", "A-1", Optional.of(mondayNoon));
        assertEquals(mondayNoon, then.status().asOf());
        assertEquals(Optional.of("received"), then.status().currentStep().map(c -> c.step().code()));

        Instant beforeSubmission = Instant.parse("2026-11-30T01:00:00Z");
        assertEquals(Status.NOT_SUBMITTED,
                tamroi.track.forAgency(RD, "rd", "A-1", Optional.of(beforeSubmission)).status().status());
    }

    @Test
    void anEventRecordedLaterButTimedBeforeChangesWhatAsOfThenSays() {
        Instant tuesday09 = Instant.parse("2026-12-01T02:00:00Z");
        assertEquals(Optional.of("verification"),
                tamroi.track.forAgency(RD, "rd", "A-1", Optional.of(tuesday09)).status().currentStep()
                        .map(c -> c.step().code()));

        ingest(stepCompleted("e-3", "A-1", "verification").time("2026-12-01T08:30:00+07:00"));

        assertEquals(Optional.of("approval"),
                tamroi.track.forAgency(RD, "rd", "A-1", Optional.of(tuesday09)).status().currentStep()
                        .map(c -> c.step().code()));
    }

    private EventOutcome ingest(IncomingEvent... events) {
        List<EventOutcome> outcomes = tamroi.ingest.ingest(Arrays.stream(events).map(IncomingEvent::read).toList(), Sender.kafka());
        outcomes.forEach(o -> assertEquals(EventOutcome.Outcome.APPLIED, o.outcome(), o::toString));
        return outcomes.get(0);
    }
}
