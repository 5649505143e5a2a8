package app.tamroi.usecase.ingest;

import app.tamroi.usecase.ingest.port.EventStore;
import static app.tamroi.support.inmem.IncomingEvent.stepCompleted;
import static app.tamroi.support.inmem.IncomingEvent.submitted;
import static app.tamroi.support.inmem.Timelines.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.Defaults;
import app.tamroi.support.inmem.IncomingEvent;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.port.EventStore.ApplicationKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What keeps an event out of the log, decided before the store is asked anything. */
class EventCheckTest {

    static final Instant RECEIVED = Instant.parse("2026-11-30T02:00:00Z");
    static final ServiceHistory PIT_REFUND = new ServiceHistory(List.of(
            new ServiceVersion(service("pit-refund", "rd", "received", "verification"), 1, Instant.parse("2026-01-01T00:00:00Z")),
            new ServiceVersion(service("pit-refund", "rd", "received", "verification", "interview"), 2,
                    Instant.parse("2026-12-01T00:00:00Z"))));
    static final Map<String, ServiceHistory> PUBLISHED = Map.of("pit-refund", PIT_REFUND);
    static final Sender RD_OVER_HTTP = Sender.http(new Caller("rd", Set.of(Caller.EVENT_PUBLISHER)));
    static final Sender DOL_OVER_HTTP = Sender.http(new Caller("dol", Set.of(Caller.EVENT_PUBLISHER)));

    final EventCheck check = new EventCheck(Defaults.limits(), code -> Optional.ofNullable(PUBLISHED.get(code)));

    @Test
    void aWellFormedEventIsKeyedByTheAgencyThatOwnsItsService() {
        EventCheck.CheckedEvent event = passed(submitted("e-1", "A-1").time("2026-11-30T09:00:00+07:00"), RD_OVER_HTTP);
        assertEquals(new ApplicationKey("rd", "A-1"), event.application());
        assertEquals(new EventStore.EventKey("rd", "rd-backoffice", "e-1"), event.key());
        assertEquals(StepEventType.SUBMITTED, event.type());
        assertEquals(RECEIVED, event.occurredAt());
    }

    @Test
    void anEnvelopeThatCouldNotBeReadIsRefusedWithItsReason() {
        EventProblem problem = check.check(IncomingStepEvent.malformed("e-1", "rd-backoffice", "the event is not a JSON object"),
                RECEIVED, Sender.kafka()) instanceof EventCheck.Refused r ? r.problem() : null;
        assertEquals(new EventProblem(400, "invalid-event", "The event is not a valid Tamroi step event",
                "the event is not a JSON object"), problem);
    }

    @Test
    void onlyCloudEventsOnePointZeroIsRead() {
        assertEquals("specversion is required and must be 1.0", refused(submitted("e-1", "A-1").specversion(null)).detail());
        assertEquals("specversion 0.3 is not supported: send 1.0", refused(submitted("e-1", "A-1").specversion("0.3")).detail());
    }

    @Test
    void everyRequiredAttributeIsNamedWhenMissing() {
        assertEquals("id is required", refused(submitted(" ", "A-1")).detail());
        assertEquals("source is required", refused(submitted("e-1", "A-1").source(null)).detail());
        assertEquals("subject is required", refused(submitted("e-1", null)).detail());
        assertEquals("time is required", refused(submitted("e-1", "A-1").time("")).detail());
        assertEquals("data.service is required", refused(submitted("e-1", "A-1").service(null)).detail());
        assertEquals("data.step (for tamroi.step.completed) is required", refused(stepCompleted("e-1", "A-1", null)).detail());
    }

    @Test
    void textsAreHeldToTheirLimits() {
        assertEquals("id is longer than 256 characters", refused(submitted("e".repeat(257), "A-1")).detail());
        assertEquals("subject is longer than 128 characters", refused(submitted("e-1", "A".repeat(129))).detail());
        assertEquals("data.publicNote is longer than 500 characters",
                refused(submitted("e-1", "A-1").publicNote("n".repeat(501))).detail());
        passed(submitted("e".repeat(256), "A".repeat(128)).publicNote("n".repeat(500)), Sender.kafka());
    }

    @Test
    void codesAndIdsAreSingleLinesWhileANoteMayBreakLines() {
        EventProblem problem = refused(submitted("e-1", "A-1\nB"));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("subject "), problem.detail());
        passed(submitted("e-1", "A-1").publicNote("line one\nline two"), Sender.kafka());
    }

    @Test
    void anUnknownTypeIsRefusedPointingToTheContract() {
        assertEquals("type 'tamroi.application.approved' is not a Tamroi step event type: see docs/events.md",
                refused(submitted("e-1", "A-1").type("tamroi.application.approved")).detail());
    }

    @Test
    void aTimeMustBeRfc3339WithAnOffset() {
        assertEquals("time '2026-11-30 09:00' is not an RFC 3339 timestamp like 2026-11-16T09:00:00+07:00",
                refused(submitted("e-1", "A-1").time("2026-11-30 09:00")).detail());
        refused(submitted("e-1", "A-1").time("2026-11-30T09:00:00"));
    }

    @Test
    void aTimeUpToTheAllowedSkewAheadIsAcceptedAndBeyondItRefused() {
        passed(submitted("e-1", "A-1").time("2026-11-30T02:05:00Z"), Sender.kafka());
        EventProblem ahead = refused(submitted("e-1", "A-1").time("2026-11-30T02:05:01Z"));
        assertEquals(422, ahead.status());
        assertEquals("event-in-future", ahead.kind());
    }

    @Test
    void aTimeBeforeTheEarliestTamroiKeepsIsRefused() {
        assertEquals("event-too-early", refused(submitted("e-1", "A-1").time("1969-12-31T23:59:59Z")).kind());
        passed(submitted("e-1", "A-1").time("1970-01-01T00:00:00Z"), Sender.kafka());
    }

    @Test
    void aServiceNobodyPublishedIsRefused() {
        EventProblem problem = refused(submitted("e-1", "A-1").service("passport"));
        assertEquals(422, problem.status());
        assertEquals("unknown-service", problem.kind());
        assertEquals("no service 'passport' has been published", problem.detail());
    }

    @Test
    void aTokenMaySendEventsOnlyForItsOwnAgencysServices() {
        EventProblem problem = check.check(submitted("e-1", "A-1").read(), RECEIVED, DOL_OVER_HTTP) instanceof EventCheck.Refused r
                ? r.problem() : null;
        assertEquals(new EventProblem(403, "forbidden", "Not your agency's service",
                "your token acts for agency 'dol', but service 'pit-refund' belongs to agency 'rd'"), problem);
    }

    @Test
    void trustedChannelsSendForAnyAgency() {
        passed(submitted("e-1", "A-1"), Sender.kafka());
        passed(submitted("e-1", "A-1"), Sender.demo());
    }

    @Test
    void anEventForAnApplicationTrackedUnderAnotherServiceIsRefused() {
        EventCheck.CheckedEvent event = passed(submitted("e-1", "A-1"), Sender.kafka());
        Application underVat = application("vat-refund", Optional.empty());
        EventProblem problem = EventCheck.againstApplication(event, Optional.of(underVat), Optional.empty()).orElseThrow();
        assertEquals("wrong-service", problem.kind());
        assertEquals("application 'A-1' is tracked under service 'vat-refund', not 'pit-refund'", problem.detail());
    }

    @Test
    void aStepIsCheckedAgainstTheVersionTheApplicationFollows() {
        EventCheck.CheckedEvent interview = passed(stepCompleted("e-2", "A-1", "interview"), Sender.kafka());
        EventProblem problem = EventCheck.againstApplication(interview,
                Optional.of(application("pit-refund", Optional.of(1))), Optional.empty()).orElseThrow();
        assertEquals("unknown-step", problem.kind());
        assertEquals("version 1 of service 'pit-refund' has no step 'interview'", problem.detail());
        assertEquals(Optional.empty(), EventCheck.againstApplication(interview,
                Optional.of(application("pit-refund", Optional.of(2))), Optional.empty()));
    }

    @Test
    void untilItsVersionIsKnownAnApplicationFollowsTheVersionInEffectAtItsSubmissionInTheBatch() {
        EventCheck.CheckedEvent interview = passed(stepCompleted("e-2", "A-1", "interview"), Sender.kafka());
        Optional<Instant> beforeVersion2 = Optional.of(Instant.parse("2026-11-30T02:00:00Z"));
        assertEquals("unknown-step", EventCheck.againstApplication(interview, Optional.empty(), beforeVersion2).orElseThrow().kind());
        // with no submission known, the current version decides
        assertEquals(Optional.empty(), EventCheck.againstApplication(interview, Optional.empty(), Optional.empty()));
    }

    @Test
    void anEventThatNamesNoStepFitsAnyVersionOfItsService() {
        EventCheck.CheckedEvent submitted = passed(submitted("e-1", "A-1"), Sender.kafka());
        assertEquals(Optional.empty(), EventCheck.againstApplication(submitted,
                Optional.of(application("pit-refund", Optional.of(1))), Optional.empty()));
    }

    private EventCheck.CheckedEvent passed(IncomingEvent event, Sender sender) {
        EventCheck.Verdict verdict = check.check(event.read(), RECEIVED, sender);
        return assertInstanceOf(EventCheck.Passed.class, verdict, verdict::toString).event();
    }

    private EventProblem refused(IncomingEvent event) {
        EventCheck.Verdict verdict = check.check(event.read(), RECEIVED, Sender.kafka());
        return assertInstanceOf(EventCheck.Refused.class, verdict, verdict::toString).problem();
    }

    private static Application application(String serviceCode, Optional<Integer> version) {
        return new Application(1, "rd", "A-1", serviceCode, TrackingCode.generate(new Random(1)), RECEIVED, version);
    }
}
