package app.tamroi.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.support.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which version an application follows, decided in one place. */
class ServiceHistoryTest {

    static final ServiceDefinition DEFINITION = StatusFixtures.version("pit-refund").definition();
    static final ServiceHistory HISTORY = new ServiceHistory(List.of(
            new ServiceVersion(DEFINITION, 1, Instant.parse("2026-01-01T00:00:00Z")),
            new ServiceVersion(DEFINITION, 2, Instant.parse("2026-06-01T00:00:00Z"))));

    @Test
    void anApplicationFollowsTheVersionInEffectAtItsSubmission() {
        assertEquals(1, HISTORY.followedFrom(Optional.of(Instant.parse("2026-05-31T23:59:59Z"))).number());
        assertEquals(2, HISTORY.followedFrom(Optional.of(Instant.parse("2026-06-01T00:00:00Z"))).number());
    }

    @Test
    void oneSubmittedBeforeTheFirstPublicationFollowsTheFirstVersion() {
        assertEquals(1, HISTORY.followedFrom(Optional.of(Instant.parse("2025-01-01T00:00:00Z"))).number());
    }

    @Test
    void untilItsSubmissionIsKnownItFollowsTheCurrentVersion() {
        assertEquals(2, HISTORY.followedFrom(Optional.empty()).number());
    }

    @Test
    void theSubmissionIsTheFirstInJourneyOrderWhateverTheArrivalOrder() {
        List<StepEvent> events = List.of(
                StepEvent.of(StepEventType.STEP_COMPLETED, "received", Instant.parse("2026-05-01T00:00:00Z"), 0),
                StepEvent.of(StepEventType.SUBMITTED, null, Instant.parse("2026-06-02T00:00:00Z"), 1),
                StepEvent.of(StepEventType.SUBMITTED, null, Instant.parse("2026-05-20T00:00:00Z"), 2));
        assertEquals(Optional.of(Instant.parse("2026-05-20T00:00:00Z")), StepEvent.submission(events));
        assertEquals(1, HISTORY.followedFrom(StepEvent.submission(events)).number());
    }
}
