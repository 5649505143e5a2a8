package app.tamroi.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.journey.ArrivalOrderTest.GeneratedJourney;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.StatusFixtures;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The named parts of a status tell one story: what the citizen is shown follows from the clock,
 * the schedule and the outcome, on every random journey of the status rule's own generator.
 */
class JourneyStatusPartsTest {

    private static final int SEEDS = 300;

    @ParameterizedTest
    @ValueSource(strings = {"pit-refund", "company-registration"})
    void theStatusTheCitizenSeesFollowsFromItsParts(String service) {
        ServiceVersion version = StatusFixtures.version(service);
        for (long seed = 1; seed <= SEEDS; seed++) {
            GeneratedJourney journey = GeneratedJourney.random(version, new Random(seed));
            JourneyStatus s = JourneyStatus.of(version, journey.events(), journey.now());
            String why = service + ", seed " + seed + ": " + s;

            assertEquals(s.status().ended(), s.outcome().isPresent(), why);
            assertEquals(s.status() == Status.NOT_SUBMITTED, s.clock().submittedAt().isEmpty(), why);
            assertEquals(s.clock().running(), s.schedule().expectedBy().isPresent(), why);
            s.outcome().ifPresentOrElse(outcome -> {
                assertEquals(outcome.status(), s.status(), why);
                assertEquals(outcome.status(), s.schedule().status(), why);
                assertEquals(outcome.variance(), s.schedule().slack(), why);
                assertEquals(Duration.ZERO, s.schedule().remaining(), why);
                assertTrue(s.currentStep().isEmpty(), why);
                assertFalse(s.clock().running(), why);
            }, () -> assertEquals(
                    s.clock().running() || s.status() == Status.NOT_SUBMITTED ? s.schedule().status()
                            : Status.WAITING_ON_CITIZEN, s.status(), why));
        }
    }
}
