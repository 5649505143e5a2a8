package app.tamroi.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import app.tamroi.support.StatusFixtures;
import app.tamroi.support.StatusFixtures.Case;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Back-office systems deliver events late, out of order and more than once; a citizen must see the
 * same status however they arrived. The whole {@link JourneyStatus} is compared, not only the
 * figures of the fixtures: step states, actual times and instants must not depend on arrival.
 *
 * <p>Event times are kept distinct: events at the same instant are applied in arrival order by
 * design (a pause and a resume at one instant mean different things in either order), so only
 * the arrival of events at different instants, and redelivered copies, may be shuffled freely.
 */
class ArrivalOrderTest {

    private static final int SEEDS_PER_FIXTURE = 60;
    private static final int SEEDS_PER_SERVICE = 300;
    private static final List<String> GENERATED_SERVICES = List.of("pit-refund", "company-registration");

    static Stream<Arguments> fixtureCasesWithSeeds() {
        return StatusFixtures.cases().stream()
                .flatMap(c -> LongStream.rangeClosed(1, SEEDS_PER_FIXTURE).mapToObj(seed -> Arguments.of(c, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("fixtureCasesWithSeeds")
    void aSharedVectorGivesTheSameStatusHoweverItsEventsArrive(Case c, long seed) {
        ServiceVersion version = StatusFixtures.version(c.service());
        List<StepEvent> asListed = JourneyStatusFixturesTest.events(c);
        List<StepEvent> rearrived = rearrive(asListed, new Random(seed));
        assertEquals(JourneyStatus.of(version, asListed, c.now()), JourneyStatus.of(version, rearrived, c.now()),
                () -> "seed " + seed + ", " + c.name() + ", arrived as " + rearrived);
    }

    static Stream<Arguments> servicesWithSeeds() {
        return GENERATED_SERVICES.stream()
                .flatMap(s -> LongStream.rangeClosed(1, SEEDS_PER_SERVICE).mapToObj(seed -> Arguments.of(s, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("servicesWithSeeds")
    void aRandomJourneyGivesTheSameStatusHoweverItsEventsArrive(String service, long seed) {
        ServiceVersion version = StatusFixtures.version(service);
        Random random = new Random(seed);
        GeneratedJourney journey = GeneratedJourney.random(version, random);
        List<StepEvent> rearrived = rearrive(journey.events(), random);
        assertEquals(JourneyStatus.of(version, journey.events(), journey.now()),
                JourneyStatus.of(version, rearrived, journey.now()),
                () -> "seed " + seed + ", " + service + ", now " + journey.now() + ", in order " + journey.events()
                        + ", arrived as " + rearrived);
    }

    /**
     * Guards the property above against a generator that drifted into trivial journeys: across the
     * seeds, the random journeys must reach every outcome and exercise rework, skips and pauses.
     */
    @Test
    void theRandomJourneysReachEveryOutcomeOfTheRule() {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        Set<StepState> stepStates = EnumSet.noneOf(StepState.class);
        int reworked = 0;
        int atRisk = 0;
        for (String service : GENERATED_SERVICES) {
            ServiceVersion version = StatusFixtures.version(service);
            for (long seed = 1; seed <= SEEDS_PER_SERVICE; seed++) {
                GeneratedJourney journey = GeneratedJourney.random(version, new Random(seed));
                JourneyStatus status = JourneyStatus.of(version, journey.events(), journey.now());
                statuses.add(status.status());
                status.steps().forEach(p -> stepStates.add(p.state()));
                reworked += journey.reworked() ? 1 : 0;
                atRisk += status.schedule().atRisk() ? 1 : 0;
            }
        }
        assertEquals(EnumSet.allOf(Status.class), statuses);
        assertEquals(EnumSet.allOf(StepState.class), stepStates);
        assertTrue(reworked >= 20, "only " + reworked + " journeys with rework");
        assertTrue(atRisk >= 5, "only " + atRisk + " journeys at risk");
    }

    /**
     * The same events as delivered by a careless transport: in a shuffled order, numbered by that
     * order, with some of them delivered again later.
     */
    static List<StepEvent> rearrive(List<StepEvent> events, Random random) {
        List<StepEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        List<StepEvent> arrived = new ArrayList<>();
        for (StepEvent e : shuffled) {
            arrived.add(withArrival(e, arrived.size()));
        }
        for (int copies = random.nextInt(events.size() + 1); copies > 0; copies--) {
            arrived.add(withArrival(shuffled.get(random.nextInt(shuffled.size())), arrived.size()));
        }
        return arrived;
    }

    private static StepEvent withArrival(StepEvent e, long arrival) {
        return new StepEvent(e.type(), e.step(), e.occurredAt(), arrival, e.publicNote());
    }

    /**
     * A plausible life of one application: submitted, moved step by step, sometimes paused for the
     * citizen, skipped ahead, sent back for rework, completed late twice, submitted twice, ended and
     * then still sent events; now falls anywhere, exactly on an event too. Times are distinct.
     */
    record GeneratedJourney(List<StepEvent> events, Instant now, boolean reworked) {

        private static final Instant EARLIEST = Instant.parse("2026-11-02T01:00:00Z");

        static GeneratedJourney random(ServiceVersion version, Random random) {
            List<String> steps = version.definition().steps().stream().map(Step::code).toList();
            int n = steps.size();
            List<StepEvent> events = new ArrayList<>();
            Instant t = EARLIEST.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))).plusSeconds(random.nextInt(60));
            if (random.nextInt(6) == 0) {
                // before the submission: kept in the log, ignored by the rule
                events.add(StepEvent.of(StepEventType.STEP_COMPLETED, steps.get(random.nextInt(n)), t, 0));
                t = later(t, random);
            }
            events.add(StepEvent.of(StepEventType.SUBMITTED, null, t, 0));
            int current = 0;
            boolean paused = false;
            boolean reworked = false;
            boolean ended = false;
            int afterEnding = 0;
            for (int actions = random.nextInt(16); actions > 0 && afterEnding < 2; actions--) {
                t = later(t, random);
                afterEnding += ended ? 1 : 0;
                int roll = random.nextInt(100);
                StepEvent event;
                if (roll < 40 && current < n) {
                    event = StepEvent.of(StepEventType.STEP_COMPLETED, steps.get(current), t, 0);
                    current++;
                } else if (roll < 46 && current + 1 < n) {
                    int later = current + 1 + random.nextInt(n - current - 1);
                    boolean started = random.nextBoolean();
                    event = StepEvent.of(started ? StepEventType.STEP_STARTED : StepEventType.STEP_COMPLETED,
                            steps.get(later), t, 0);
                    current = started ? later : later + 1;
                } else if (roll < 54 && current > 0) {
                    int earlier = random.nextInt(Math.min(current, n));
                    event = StepEvent.of(StepEventType.STEP_STARTED, steps.get(earlier), t, 0);
                    current = earlier;
                    reworked = true;
                } else if (roll < 58 && current > 0) {
                    event = StepEvent.of(StepEventType.STEP_COMPLETED, steps.get(random.nextInt(Math.min(current, n))), t, 0);
                } else if (roll < 72) {
                    // now and then a redundant pause or resume, which must change nothing
                    boolean pause = random.nextInt(5) == 0 ? paused : !paused;
                    event = StepEvent.of(pause ? StepEventType.PAUSED : StepEventType.RESUMED, null, t, 0);
                    paused = pause;
                } else if (roll < 75) {
                    event = StepEvent.of(StepEventType.SUBMITTED, null, t, 0);
                } else if (roll < 85 || ended) {
                    continue;
                } else {
                    StepEventType ending = List.of(StepEventType.COMPLETED, StepEventType.COMPLETED,
                            StepEventType.REJECTED, StepEventType.WITHDRAWN).get(random.nextInt(4));
                    event = StepEvent.of(ending, null, t, 0);
                    ended = true;
                }
                events.add(event);
            }
            List<StepEvent> numbered = new ArrayList<>();
            for (StepEvent e : events) {
                numbered.add(withArrival(e, numbered.size()));
            }
            return new GeneratedJourney(numbered, now(numbered, random), reworked);
        }

        private static Instant later(Instant t, Random random) {
            return t.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 3))).plusSeconds(random.nextInt(60));
        }

        private static Instant now(List<StepEvent> events, Random random) {
            Instant last = events.get(events.size() - 1).occurredAt();
            return switch (random.nextInt(4)) {
                case 0 -> events.get(random.nextInt(events.size())).occurredAt();
                case 1 -> events.get(random.nextInt(events.size())).occurredAt().plusSeconds(1 + random.nextInt(3600 * 12));
                default -> last.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 10)));
            };
        }
    }
}
