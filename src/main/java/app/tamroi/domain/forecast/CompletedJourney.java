package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.journey.StepVisit;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What history keeps of one application that has ended: its visits in the order they happened
 * (a step visited again is rework; a step missing is skipped), how it ended, and the local day,
 * in the service's calendar, on which it ended. Where each visit went next is the following
 * visit's step, or the ending for the last one.
 */
public record CompletedJourney(LocalDate endedOn, List<StepVisit> visits, StepEventType outcome) {

    public CompletedJourney {
        if (endedOn == null || visits == null || visits.isEmpty()) {
            throw new IllegalArgumentException("a completed journey needs the day it ended and at least one visit");
        }
        if (outcome == null || !outcome.endsJourney()) {
            throw new IllegalArgumentException("a completed journey ends completed, rejected or withdrawn, not " + outcome);
        }
        visits = List.copyOf(visits);
    }

    /** Each visit with where it went next: the following visit's step, or the ending for the last one. */
    void forEachVisit(BiConsumer<StepVisit, Next> action) {
        for (int i = 0; i < visits.size(); i++) {
            action.accept(visits.get(i), i + 1 < visits.size() ? new Next.ToStep(visits.get(i + 1).step()) : new Next.End(outcome));
        }
    }
}
