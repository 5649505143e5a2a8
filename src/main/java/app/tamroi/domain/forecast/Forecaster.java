package app.tamroi.domain.forecast;

import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forecasts an open application's remaining working time from the service's recent history.
 *
 * <p>To a citizen, in one sentence: <em>"Among applications like yours that finished in the last
 * 180 days, counting only those that had already spent as long as yours in your current step, and
 * adding the wait for the queues now ahead of you, half were done by the first date and 8 in 10 by
 * the second."</em>
 *
 * <p>How: a few thousand journeys are played forward from the application's position. Each one
 * stays in the current step a time drawn from the step's learned times longer than τ (minus τ),
 * then goes where history went after that step, in history's proportions (on, back for rework,
 * past skipped steps, or to the end), taking each later step's time from its learned times and
 * adding the backlog wait of {@link Queue} the first time it reaches a step. Times and ways on are
 * those of visits that began with about as much working time since submission behind them
 * ({@link ElapsedBand}): a case that has waited long is played like the cases that waited long. The median and the
 * 80th percentile of those plays are the forecast. A step history has never seen takes its
 * target and leads to the next step of the plan.
 *
 * <p>What comes after the current step does not depend on τ, so it is played once per step and
 * kept in an {@link Outlook}; an application's forecast then only adds its own rest of the
 * current step to each play. The plays use fixed seeds, so the same history and position always
 * give the same answer, and two positions differing only in τ or in a queue are played with the
 * same draws, so the difference between their forecasts is the effect of τ or of the queue, not of
 * chance.
 *
 * <p>With fewer than {@code minimumSample} completed journeys in the window, history is not
 * trusted: the forecast is the plan's R at every quantile, with basis PLAN.
 */
public final class Forecaster {

    public static final int DEFAULT_MINIMUM_SAMPLE = 30;
    public static final int DEFAULT_PLAYS = 4000;
    public static final Forecaster DEFAULT = new Forecaster(DEFAULT_MINIMUM_SAMPLE, DEFAULT_PLAYS);

    /** A rework loop in history could otherwise play forever; no real journey has this many visits. */
    static final int MAX_VISITS = 1000;
    private static final long SEED = 0x7A3D_0C17_5EEDL;

    private final int minimumSample;
    private final int plays;
    /** The draws for the rest of the current step, the same for every position. */
    private final double[] stayDraws;

    public Forecaster(int minimumSample, int plays) {
        if (minimumSample < 1 || plays < 1) {
            throw new IllegalArgumentException("a forecaster needs a minimum sample and a number of plays of at least 1");
        }
        this.minimumSample = minimumSample;
        this.plays = plays;
        Random random = new Random(SEED);
        this.stayDraws = new double[plays];
        Arrays.setAll(stayDraws, i -> random.nextDouble());
    }

    /**
     * @param queues the load now on each step, by step code; a step not named has no queue
     */
    public Forecast forecast(History history, Position position, Map<String, Queue> queues) {
        return outlook(history, position.version(), queues).forecast(position);
    }

    /** What history and the queues say about one version's journeys, ready to forecast any position in it. */
    public Outlook outlook(History history, ServiceVersion version, Map<String, Queue> queues) {
        return new Outlook(history, version, Map.copyOf(queues));
    }

    /** The plays after a step depend on the step, the band its visit began in and the band it was left in. */
    private record After(String step, int entered, int leaving) {
    }

    /**
     * One history, one version and one set of queues: the plays after each step (per elapsed band)
     * are made the first time a position in that step asks, and kept, so a forecast costs one pass
     * over the plays.
     */
    public final class Outlook {

        private final History history;
        private final ServiceVersion version;
        private final Map<String, Queue> queues;
        private final double workingDay;
        private final Map<After, double[]> after = new ConcurrentHashMap<>();

        private Outlook(History history, ServiceVersion version, Map<String, Queue> queues) {
            this.history = history;
            this.version = version;
            this.queues = queues;
            this.workingDay = StepTimes.minutes(version.definition().calendar().workingDay());
        }

        public long sampleSize() {
            return history.journeys();
        }

        public Forecast forecast(Position position) {
            if (!position.version().equals(version)) {
                throw new IllegalArgumentException("this outlook is for " + version.serviceCode() + " v" + version.number());
            }
            if (history.journeys() < minimumSample) {
                return Forecast.plan(position.planRemaining(), history.journeys(), history.windowDays());
            }
            double tau = StepTimes.minutes(position.inStep());
            double elapsed = StepTimes.minutes(position.elapsed());
            int entered = ElapsedBand.of(Math.max(0, elapsed - tau), workingDay);
            double[] remaining = new double[plays];
            double behind = queueBehind(position.step(), tau);
            for (int p = 0; p < plays; p++) {
                double left = leftInCurrent(position.step(), entered, tau, stayDraws[p]) + behind;
                int leaving = ElapsedBand.of(elapsed + left, workingDay);
                remaining[p] = left + after.computeIfAbsent(new After(position.step(), entered, leaving), this::playAfter)[p];
            }
            Arrays.sort(remaining);
            return Forecast.ofSortedPlays(remaining, history.journeys(), history.windowDays());
        }

        /**
         * Each play's working minutes from leaving {@code step} to the end, queues included: where
         * it goes from the step as visits entered in the same elapsed band went, then each later
         * step's time and way on as visits entered with about as much time behind them.
         */
        private double[] playAfter(After from) {
            Random random = new Random(SEED ^ from.hashCode());
            double[] total = new double[plays];
            double startedAt = ElapsedBand.typicalMinutes(from.leaving(), workingDay);
            for (int p = 0; p < plays; p++) {
                Set<String> joined = new HashSet<>(Set.of(from.step()));
                double elapsed = startedAt;
                Optional<String> next = nextAfter(from.step(), from.entered(), random.nextDouble());
                for (int visits = 1; next.isPresent() && visits < MAX_VISITS; visits++) {
                    String at = next.get();
                    if (joined.add(at)) {
                        double wait = queueWait(at);
                        total[p] += wait;
                        elapsed += wait;
                    }
                    int band = ElapsedBand.of(elapsed, workingDay);
                    double stay = timeIn(at, band, random.nextDouble());
                    total[p] += stay;
                    elapsed += stay;
                    next = nextAfter(at, band, random.nextDouble());
                }
            }
            return total;
        }

        /** The wait still ahead in the current step's queue when it grows: its extra wait less what was waited already. */
        private double queueBehind(String step, double tau) {
            Queue queue = queues.get(step);
            return queue == null || !queue.growing() ? 0 : Math.max(0, queueWait(step) - tau);
        }

        private double queueWait(String step) {
            Queue queue = queues.get(step);
            if (queue == null) {
                return 0;
            }
            double usualStay = history.timesOf(step).map(StepTimes::meanMinutes).orElseGet(() -> planned(step)) / workingDay;
            return queue.extraWaitMinutes(workingDay, usualStay);
        }

        /** The rest of the current step, drawn among learned visits that lasted longer than τ. */
        private double leftInCurrent(String step, int band, double tau, double u) {
            Optional<StepTimes> learned = history.timesOf(step, band);
            if (learned.isEmpty()) {
                return Math.max(0, planned(step) - tau);
            }
            StepTimes times = learned.get();
            double waitedShare = times.shareBelow(tau);
            if (waitedShare >= 1) {
                // longer than any visit history saw: treat it like the slow half of them, measured from their median
                return times.minutesAt(0.5 + 0.5 * u) - times.minutesAt(0.5);
            }
            return Math.max(0, times.minutesAt(waitedShare + u * (1 - waitedShare)) - tau);
        }

        private double timeIn(String step, int band, double u) {
            return history.timesOf(step, band).map(t -> t.minutesAt(u)).orElseGet(() -> planned(step));
        }

        /** Where a journey goes after {@code step}: as history went, else on along the plan; empty at the end. */
        private Optional<String> nextAfter(String step, int band, double u) {
            Optional<History.Choices> went = history.choicesAfter(step, band);
            if (went.isEmpty()) {
                int index = version.definition().indexOf(step);
                return index < 0 || index + 1 >= version.definition().steps().size() ? Optional.empty()
                        : Optional.of(version.definition().steps().get(index + 1)).map(Step::code);
            }
            return went.get().at(u) instanceof Next.ToStep to ? Optional.of(to.step()) : Optional.empty();
        }

        private double planned(String step) {
            int index = version.definition().indexOf(step);
            return index < 0 ? 0 : StepTimes.minutes(version.definition().plannedTime(index));
        }
    }
}
