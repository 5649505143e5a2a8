package app.tamroi.domain.forecast;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a window of days taught about one service: per step, how long its visits took and where
 * they went next (counted by {@link Next#key()}), and how many journeys ended in the window.
 */
public final class History {

    private final int windowDays;
    private long journeys;
    private final Map<String, StepTimes> times = new HashMap<>();
    private final Map<String, TreeMap<String, Long>> transitions = new HashMap<>();

    History(int windowDays) {
        this.windowDays = windowDays;
    }

    /** Nothing learned yet, as for a new service. */
    public static History none(int windowDays) {
        return new History(windowDays);
    }

    void addJourneys(long count) {
        journeys += count;
    }

    void addVisit(String step, Duration worked, Next next) {
        times.computeIfAbsent(step, s -> new StepTimes()).add(worked);
        transitions.computeIfAbsent(step, s -> new TreeMap<>()).merge(next.key(), 1L, Long::sum);
    }

    void addAll(History other) {
        journeys += other.journeys;
        other.times.forEach((step, t) -> times.computeIfAbsent(step, s -> new StepTimes()).addAll(t));
        other.transitions.forEach((step, counts) -> {
            TreeMap<String, Long> mine = transitions.computeIfAbsent(step, s -> new TreeMap<>());
            counts.forEach((key, n) -> mine.merge(key, n, Long::sum));
        });
    }

    /** Completed journeys in the window: the sample a forecast rests on. */
    public long journeys() {
        return journeys;
    }

    public int windowDays() {
        return windowDays;
    }

    Optional<StepTimes> timesOf(String step) {
        return Optional.ofNullable(times.get(step));
    }

    /** Where visits to {@code step} went next, and how often, in a stable order. */
    Map<String, Long> transitionsFrom(String step) {
        return transitions.getOrDefault(step, new TreeMap<>());
    }

    /** How many visits to {@code step} went to {@code next}; zero for a path history never took. */
    public long timesWent(String step, Next next) {
        return transitionsFrom(step).getOrDefault(next.key(), 0L);
    }
}
