package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.StepVisit;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * What one service's completed journeys taught, kept as one tally per local day on which journeys
 * ended. Recording a journey touches only its day; asking for a window adds up at most that many
 * daily tallies, so no question ever reads raw events.
 *
 * <p>A whole journey is filed under the day it ended, visits included: a visit is learned once
 * its journey is over, so an open application's visits never half-count.
 */
public final class ServiceStatistics {

    public static final int DEFAULT_WINDOW_DAYS = 180;

    private final TreeMap<LocalDate, History> days = new TreeMap<>();

    public void record(CompletedJourney journey) {
        History day = days.computeIfAbsent(journey.endedOn(), d -> new History(1));
        day.addJourneys(1);
        List<StepVisit> visits = journey.visits();
        for (int i = 0; i < visits.size(); i++) {
            Next next = i + 1 < visits.size()
                    ? new Next.ToStep(visits.get(i + 1).step()) : new Next.End(journey.outcome());
            day.addVisit(visits.get(i).step(), visits.get(i).worked(), next);
        }
    }

    /**
     * What was known at the start of {@code day}: journeys that ended on the {@code windowDays}
     * days before it, {@code day} itself excluded, so an answer given during a day never depends
     * on what happened later that day, and the same day always gets the same answer.
     */
    public History asOf(LocalDate day, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("a window has at least one day, got " + windowDays);
        }
        History window = new History(windowDays);
        days.subMap(day.minusDays(windowDays), true, day, false).values().forEach(window::addAll);
        return window;
    }
}
