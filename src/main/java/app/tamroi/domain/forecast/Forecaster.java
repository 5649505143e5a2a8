package app.tamroi.domain.forecast;

import app.tamroi.domain.service.Step;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

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
 * adding the backlog wait of {@link Queue} the first time it reaches a step. The median and the
 * 80th percentile of those plays are the forecast. A step history has never seen takes its
 * target and leads to the next step of the plan.
 *
 * <p>The plays use one fixed seed, so the same history and position always give the same answer,
 * and two positions differing only in τ or in a queue are played with the same draws, so the
 * difference between their forecasts is the effect of τ or of the queue, not of chance.
 *
 * <p>With fewer than {@code minimumSample} completed journeys in the window, history is not
 * trusted: the forecast is the plan's R as both p50 and p80, with basis PLAN.
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

    public Forecaster(int minimumSample, int plays) {
        if (minimumSample < 1 || plays < 1) {
            throw new IllegalArgumentException("a forecaster needs a minimum sample and a number of plays of at least 1");
        }
        this.minimumSample = minimumSample;
        this.plays = plays;
    }

    /**
     * @param queues the load now on each step, by step code; a step not named has no queue
     */
    public Forecast forecast(History history, Position position, Map<String, Queue> queues) {
        if (history.journeys() < minimumSample) {
            Duration plan = position.planRemaining();
            return new Forecast(Forecast.Basis.PLAN, plan, plan, history.journeys(), history.windowDays());
        }
        double workingDay = StepTimes.minutes(position.service().calendar().workingDay());
        Random random = new Random(SEED);
        double[] remaining = new double[plays];
        for (int p = 0; p < plays; p++) {
            remaining[p] = play(history, position, queues, workingDay, random);
        }
        Arrays.sort(remaining);
        return new Forecast(Forecast.Basis.HISTORY, duration(quantile(remaining, 0.5)),
                duration(quantile(remaining, 0.8)), history.journeys(), history.windowDays());
    }

    private double play(History history, Position position, Map<String, Queue> queues, double workingDay,
                        Random random) {
        String step = position.step();
        double total = leftInCurrent(history, position, random.nextDouble());
        Set<String> joined = new HashSet<>(Set.of(step));
        Optional<String> next = nextAfter(history, position, step, random.nextDouble());
        for (int visits = 1; next.isPresent() && visits < MAX_VISITS; visits++) {
            step = next.get();
            if (joined.add(step)) {
                total += queues.getOrDefault(step, Queue.NONE).extraWaitMinutes(workingDay);
            }
            total += timeIn(history, position, step, random.nextDouble());
            next = nextAfter(history, position, step, random.nextDouble());
        }
        return total;
    }

    /** The rest of the current step, drawn among learned visits that lasted longer than τ. */
    private static double leftInCurrent(History history, Position position, double u) {
        double tau = StepTimes.minutes(position.inStep());
        Optional<StepTimes> learned = history.timesOf(position.step());
        if (learned.isEmpty()) {
            return Math.max(0, planned(position, position.step()) - tau);
        }
        StepTimes times = learned.get();
        double waitedShare = times.shareBelow(tau);
        if (waitedShare >= 1) {
            // longer than any visit history saw: treat it like the slow half of them, measured from their median
            return times.minutesAt(0.5 + 0.5 * u) - times.minutesAt(0.5);
        }
        return Math.max(0, times.minutesAt(waitedShare + u * (1 - waitedShare)) - tau);
    }

    private static double timeIn(History history, Position position, String step, double u) {
        return history.timesOf(step).map(t -> t.minutesAt(u)).orElseGet(() -> planned(position, step));
    }

    /** Where a journey goes after {@code step}: as history went, else on along the plan; empty at the end. */
    private static Optional<String> nextAfter(History history, Position position, String step, double u) {
        Optional<History.Choices> went = history.choicesAfter(step);
        if (went.isEmpty()) {
            return position.plannedAfter(step).map(Step::code);
        }
        return went.get().at(u) instanceof Next.ToStep to ? Optional.of(to.step()) : Optional.empty();
    }

    private static double planned(Position position, String step) {
        int index = position.service().indexOf(step);
        return index < 0 ? 0 : StepTimes.minutes(position.service().plannedTime(index));
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static Duration duration(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }
}
