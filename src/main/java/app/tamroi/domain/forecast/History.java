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
    /** Whole journeys by their working time. */
    private final StepTimes whole = new StepTimes();
    private final Map<String, TreeMap<String, Long>> transitions = new HashMap<>();
    /** Visits that went somewhere, per step (and per step in a band), counted once whatever their weight. */
    private final Map<String, Long> left = new HashMap<>();
    /** Transitions per step ready to draw from; rebuilt after a change. */
    private final Map<String, Choices> choices = new java.util.concurrent.ConcurrentHashMap<>();

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

    void addVisit(String step, int band, Duration worked, Next next) {
        addVisits(step, band, StepTimes.binOf(worked), 1);
        addTransitions(step, band, next.key(), 1);
    }

    void addWhole(int bin, long count) {
        whole.addToBin(bin, count);
    }

    /** Visits of {@code step} entered in elapsed band {@code band}: counted for the band and for the step as a whole. */
    void addVisits(String step, int band, int bin, long count) {
        times.computeIfAbsent(step, s -> new StepTimes()).addToBin(bin, count);
        times.computeIfAbsent(inBand(step, band), s -> new StepTimes()).addToBin(bin, count);
    }

    void addTransitions(String step, int band, String nextKey, long count) {
        for (String key : new String[] {step, inBand(step, band)}) {
            transitions.computeIfAbsent(key, s -> new TreeMap<>()).merge(nextKey, count, (a, b) -> a + b == 0 ? null : a + b);
            left.merge(key, count, Long::sum);
        }
        choices.clear();
    }

    /** Step codes never hold '@': a band's figures live beside the step's under a key no step can have. */
    private static String inBand(String step, int band) {
        return step + "@" + band;
    }

    void addAll(History other) {
        addAll(other, 1);
    }

    /**
     * Adds another history whose times and ways on count {@code weight} times each: how recent
     * days are made to weigh more than old ones. Journeys and visits are still counted once, for
     * the minimum samples.
     */
    void addAll(History other, long weight) {
        journeys += other.journeys;
        whole.addAll(other.whole, weight);
        other.times.forEach((step, t) -> times.computeIfAbsent(step, s -> new StepTimes()).addAll(t, weight));
        other.transitions.forEach((step, counts) -> {
            TreeMap<String, Long> mine = transitions.computeIfAbsent(step, s -> new TreeMap<>());
            counts.forEach((key, n) -> mine.merge(key, n * weight, (a, b) -> a + b == 0 ? null : a + b));
        });
        other.left.forEach((step, n) -> left.merge(step, n, Long::sum));
        choices.clear();
    }

    /** Completed journeys in the window: the sample a forecast rests on. */
    public long journeys() {
        return journeys;
    }

    public int windowDays() {
        return windowDays;
    }

    /** How long whole journeys took, in working time; empty while none is known. */
    Optional<StepTimes> wholeJourneys() {
        return Optional.of(whole).filter(t -> t.visits() > 0);
    }

    Optional<StepTimes> timesOf(String step) {
        return Optional.ofNullable(times.get(step)).filter(t -> t.visits() > 0);
    }

    /** The step's times for visits entered in {@code band}, if the band holds enough of them; else over all bands. */
    Optional<StepTimes> timesOf(String step, int band) {
        StepTimes banded = times.get(inBand(step, band));
        return banded != null && banded.visits() >= ElapsedBand.MINIMUM_VISITS ? Optional.of(banded) : timesOf(step);
    }

    /** Where visits entered in {@code band} went, if the band holds enough of them; else over all bands. */
    Optional<Choices> choicesAfter(String step, int band) {
        long visits = left.getOrDefault(inBand(step, band), 0L);
        return visits >= ElapsedBand.MINIMUM_VISITS ? choicesAfter(inBand(step, band)) : choicesAfter(step);
    }

    /** Where a visit to {@code step} goes, drawn in history's proportions; empty when history never left it. */
    Optional<Choices> choicesAfter(String step) {
        TreeMap<String, Long> went = transitions.get(step);
        return went == null || went.isEmpty() ? Optional.empty() : Optional.of(choices.computeIfAbsent(step, s -> new Choices(went)));
    }

    /** How many visits to {@code step} went to {@code next}; zero for a path history never took. */
    public long timesWent(String step, Next next) {
        return transitions.getOrDefault(step, new TreeMap<>()).getOrDefault(next.key(), 0L);
    }

    /** The places visits went, in the stable order of their keys, with running counts to search. */
    static final class Choices {

        private final Next[] places;
        private final long[] upTo;

        private Choices(TreeMap<String, Long> went) {
            places = new Next[went.size()];
            upTo = new long[went.size()];
            int i = 0;
            long sum = 0;
            for (Map.Entry<String, Long> e : went.entrySet()) {
                sum += e.getValue();
                places[i] = Next.ofKey(e.getKey());
                upTo[i++] = sum;
            }
        }

        /** The place at share {@code u} of the running count, 0 ≤ u < 1. */
        Next at(double u) {
            double pick = u * upTo[upTo.length - 1];
            int i = 0;
            while (i < upTo.length - 1 && upTo[i] <= pick) {
                i++;
            }
            return places[i];
        }
    }
}
