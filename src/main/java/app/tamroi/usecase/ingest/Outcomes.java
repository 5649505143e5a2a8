package app.tamroi.usecase.ingest;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.usecase.ingest.EventOutcome.Outcome;
import app.tamroi.usecase.ingest.port.EventStore.EventKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of each event of one batch, one slot per position, filled as ingestion decides. A
 * second copy of an event within the batch is not decided on its own: it answers as its first
 * copy did (refused alike, or else a duplicate of it), so a sender reads one fate per event.
 */
final class Outcomes {

    private final List<IncomingStepEvent> batch;
    private final EventOutcome[] slots;
    private final Map<EventKey, Integer> firstWithKey = new HashMap<>();
    private final Map<Integer, Integer> copyOf = new LinkedHashMap<>();

    Outcomes(List<IncomingStepEvent> batch) {
        this.batch = batch;
        this.slots = new EventOutcome[batch.size()];
    }

    /**
     * Whether the event at {@code index} is the first in the batch with its key; a later one is
     * answered as the first, once that is decided.
     */
    boolean firstOfItsKey(int index, EventKey key) {
        Integer first = firstWithKey.putIfAbsent(key, index);
        if (first == null) {
            return true;
        }
        copyOf.put(index, first);
        return false;
    }

    void rejected(int index, EventProblem problem) {
        slots[index] = EventOutcome.rejected(batch.get(index), problem);
    }

    void applied(int index, TrackingCode application) {
        slots[index] = kept(index, Outcome.APPLIED, application.grouped());
    }

    /** The event was in the log already, for the application with this tracking code. */
    void duplicate(int index, TrackingCode application) {
        slots[index] = kept(index, Outcome.DUPLICATE, application.grouped());
    }

    /** One outcome per event, in the order of the batch. */
    List<EventOutcome> all() {
        copyOf.forEach((copy, first) -> {
            EventOutcome original = decided(first);
            slots[copy] = original.outcome() == Outcome.REJECTED
                    ? EventOutcome.rejected(batch.get(copy), original.problem().orElseThrow())
                    : kept(copy, Outcome.DUPLICATE, original.trackingCode().orElseThrow());
        });
        List<EventOutcome> all = new ArrayList<>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            all.add(decided(i));
        }
        return List.copyOf(all);
    }

    private EventOutcome decided(int index) {
        if (slots[index] == null) {
            throw new IllegalStateException("event " + index + " of the batch was given no outcome");
        }
        return slots[index];
    }

    private EventOutcome kept(int index, Outcome outcome, String trackingCode) {
        IncomingStepEvent event = batch.get(index);
        return new EventOutcome(event.id(), event.source(), outcome, Optional.of(trackingCode), Optional.empty());
    }
}
