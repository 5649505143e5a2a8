package app.tamroi.usecase.ingest;

import static app.tamroi.support.inmem.IncomingEvent.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.usecase.ingest.EventOutcome.Outcome;
import app.tamroi.usecase.ingest.port.EventStore.EventKey;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One fate per event of a batch, in the batch's order, copies within it answered as their first. */
class OutcomesTest {

    static final TrackingCode CODE = TrackingCode.generate(new Random(7));
    static final EventKey FIRST = new EventKey("rd", "rd-backoffice", "e-1");
    static final EventProblem UNKNOWN_STEP = EventProblem.unprocessable("unknown-step", "Unknown step", "no such step");

    final List<IncomingStepEvent> batch = List.of(submitted("e-1", "A-1").read(), submitted("e-2", "A-2").read(),
            submitted("e-1", "A-1").read());
    final Outcomes outcomes = new Outcomes(batch);

    @Test
    void eachEventIsAnsweredInTheOrderOfTheBatch() {
        outcomes.firstOfItsKey(0, FIRST);
        outcomes.firstOfItsKey(1, new EventKey("rd", "rd-backoffice", "e-2"));
        outcomes.firstOfItsKey(2, new EventKey("rd", "rd-backoffice", "e-3"));
        outcomes.applied(0, CODE);
        outcomes.duplicate(1, CODE);
        outcomes.rejected(2, UNKNOWN_STEP);
        assertEquals(List.of(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.REJECTED),
                outcomes.all().stream().map(EventOutcome::outcome).toList());
        assertEquals(Optional.of(CODE.grouped()), outcomes.all().get(1).trackingCode());
        assertEquals(Optional.of(UNKNOWN_STEP), outcomes.all().get(2).problem());
    }

    @Test
    void aCopyOfAnAppliedEventIsItsDuplicate() {
        assertTrue(outcomes.firstOfItsKey(0, FIRST));
        assertFalse(outcomes.firstOfItsKey(2, FIRST));
        outcomes.rejected(1, UNKNOWN_STEP);
        outcomes.applied(0, CODE);
        EventOutcome copy = outcomes.all().get(2);
        assertEquals(new EventOutcome("e-1", "rd-backoffice", Outcome.DUPLICATE, Optional.of(CODE.grouped()), Optional.empty()),
                copy);
    }

    @Test
    void aCopyOfARefusedEventIsRefusedForTheSameReason() {
        outcomes.firstOfItsKey(0, FIRST);
        outcomes.firstOfItsKey(2, FIRST);
        outcomes.rejected(0, UNKNOWN_STEP);
        outcomes.applied(1, CODE);
        assertEquals(new EventOutcome("e-1", "rd-backoffice", Outcome.REJECTED, Optional.empty(), Optional.of(UNKNOWN_STEP)),
                outcomes.all().get(2));
    }

    @Test
    void anEventLeftUndecidedIsAFaultOfIngestionNotASilentGap() {
        outcomes.applied(0, CODE);
        outcomes.applied(2, CODE);
        assertThrows(IllegalStateException.class, outcomes::all);
    }
}
