package app.tamroi.domain.forecast;

import static app.tamroi.support.EventLog.arrivedInOrder;
import static app.tamroi.support.EventLog.completed;
import static app.tamroi.support.EventLog.stepCompleted;
import static app.tamroi.support.EventLog.stepStarted;
import static app.tamroi.support.EventLog.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.StatusFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What one application's events add to its service's statistics, however the events arrive. */
class TallyTest {

    private static final ServiceVersion PIT_REFUND = StatusFixtures.version("pit-refund");

    private static final List<StepEvent> REWORKED = arrivedInOrder(
            submitted("2026-11-30T09:00"),
            stepCompleted("received", "2026-11-30T15:00"),
            stepCompleted("verification", "2026-12-01T15:00"),
            stepStarted("verification", "2026-12-02T09:00"),
            stepCompleted("verification", "2026-12-02T13:00"),
            stepCompleted("approval", "2026-12-03T13:00"),
            stepCompleted("transfer", "2026-12-04T10:00"),
            completed("2026-12-04T10:00"));

    @Test
    void eachVisitIsLearnedTheDayItWasLeftAndTheJourneyTheDayItEnded() {
        Map<String, Long> counts = byKindAndStep(Tally.of(PIT_REFUND, REWORKED));

        assertEquals(1, counts.get("J  2026-12-04"));
        assertEquals(1, counts.get("V verification 2026-12-01"));
        assertEquals(1, counts.get("V verification 2026-12-02"), "verification was done again after approval sent it back");
        assertEquals(1, counts.get("N approval>verification 2026-12-02"));
        assertEquals(1, counts.get("N approval>transfer 2026-12-03"));
        assertEquals(1, counts.get("N transfer>!COMPLETED 2026-12-04"));
        assertEquals(1, counts.get("E verification 2026-11-30"));
        assertEquals(1, counts.get("E verification 2026-12-02"), "entered again for rework");
        assertEquals(1, counts.get("L transfer 2026-12-04"));
    }

    @Test
    void anOpenJourneyIsLearnedFromTheVisitsItHasLeft() {
        List<StepEvent> open = arrivedInOrder(submitted("2026-11-30T09:00"), stepCompleted("received", "2026-11-30T15:00"));

        Map<String, Long> counts = byKindAndStep(Tally.of(PIT_REFUND, open));

        assertEquals(Map.of("E received 2026-11-30", 1L, "L received 2026-11-30", 1L, "V received 2026-11-30", 1L,
                "N received>verification 2026-11-30", 1L, "E verification 2026-11-30", 1L), counts);
    }

    @Test
    void addingEachBatchsDifferenceGivesWhatTheWholeLogGivesWhateverOrderTheEventsCameIn() {
        Random random = new Random(20261202);
        for (int run = 0; run < 50; run++) {
            List<StepEvent> arrival = new ArrayList<>(REWORKED);
            Collections.shuffle(arrival, random);
            List<StepEvent> known = new ArrayList<>();
            List<Tally> differences = new ArrayList<>();
            Tally before = Tally.NONE;
            for (int from = 0; from < arrival.size(); ) {
                int to = Math.min(arrival.size(), from + 1 + random.nextInt(3));
                known.addAll(arrival.subList(from, to));
                Tally after = Tally.of(PIT_REFUND, known);
                differences.add(after.minus(before));
                before = after;
                from = to;
            }

            assertEquals(byKindAndStep(Tally.of(PIT_REFUND, REWORKED)), byKindAndStep(Tally.sum(differences)), "run " + run);
        }
    }

    @Test
    void theSameCountsTakenAwayLeaveNothing() {
        Tally whole = Tally.of(PIT_REFUND, REWORKED);

        assertTrue(whole.minus(whole).isEmpty());
        assertTrue(Tally.of(PIT_REFUND, List.of()).isEmpty());
    }

    /** "KIND STEP DAY" for entries and exits and journeys, "KIND STEP>NEXT DAY" for where visits went; bins summed. */
    private static Map<String, Long> byKindAndStep(Tally tally) {
        Map<String, Long> counts = new HashMap<>();
        tally.counts().forEach(e -> {
            Tally.Entry entry = e.getKey();
            if (entry.kind() == Tally.Kind.WHOLE) {
                return;
            }
            String what = entry.kind() == Tally.Kind.NEXT ? entry.step() + ">" + Tally.banded(entry.item()) : entry.step();
            counts.merge(entry.kind().code() + " " + what + " " + entry.day(), e.getValue(), Long::sum);
        });
        return counts;
    }
}
