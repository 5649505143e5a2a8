package app.tamroi.calibration;

import app.tamroi.calibration.AsOfForecasts.ForecastAt;
import app.tamroi.domain.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the forecasts of one workload's test cases came to: every question asked (a test case at
 * the time of its k-th event, 2 ≤ k ≤ n−1) with the answers of the forecast, the plan and the naive
 * baselines, and the figures made of them.
 */
public record Calibration(Workload workload, List<Answer> answers) {

    private static final double SECONDS_PER_DAY = 86_400;

    /**
     * @param naiveByStep     the naive baseline keyed by the current step
     * @param naiveByActivity the naive baseline keyed by the last event's activity
     */
    public record Answer(LoggedCase testCase, int k, Optional<ForecastAt> forecast, Instant naiveByStep,
                         Instant naiveByActivity) {

        public Instant asked() {
            return testCase.at(k);
        }

        public Instant end() {
            return testCase.end();
        }

        boolean endedBy(Instant t) {
            return !end().isAfter(t);
        }
    }

    public Calibration {
        answers = List.copyOf(answers);
    }

    /** The answers that have a forecast: the figures are over these, for every method alike. */
    public List<Answer> answered() {
        return answers.stream().filter(a -> a.forecast().isPresent()).toList();
    }

    public long testCases() {
        return answers.stream().map(a -> a.testCase().subject()).distinct().count();
    }

    public long fromHistory() {
        return answered().stream().filter(a -> a.forecast().get().basis() == Forecast.Basis.HISTORY).count();
    }

    public Figures figures() {
        return Figures.of(answered());
    }

    /** The same figures for each group of answers, in the order of the group names. */
    public Map<String, Figures> by(Function<Answer, String> group) {
        return answered().stream().collect(Collectors.groupingBy(group, TreeMap::new, Collectors.toList()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Figures.of(e.getValue()),
                        (a, b) -> a, TreeMap::new));
    }

    /**
     * @param reliability for each level k/20 (index k − 1), the share of real ends at or before the forecast at that level
     */
    public record Figures(int questions, double[] reliability, double forecastMaeDays, double planMaeDays,
                          double naiveByStepMaeDays, double naiveByActivityMaeDays) {

        static Figures of(List<Answer> answered) {
            double[] reliability = new double[Forecast.LEVELS];
            for (int k = 1; k <= Forecast.LEVELS; k++) {
                int level = k;
                reliability[k - 1] = share(answered, a -> a.endedBy(a.forecast().get().level(level)));
            }
            return new Figures(answered.size(), reliability,
                    mae(answered, a -> Optional.of(a.forecast().get().p50By())),
                    mae(answered, a -> a.forecast().get().expectedBy()),
                    mae(answered, a -> Optional.of(a.naiveByStep())),
                    mae(answered, a -> Optional.of(a.naiveByActivity())));
        }

        public double coverage(int twentieths) {
            return reliability[twentieths - 1];
        }

        public double p80Coverage() {
            return coverage(16);
        }

        public double p50Coverage() {
            return coverage(10);
        }

        /** How much smaller the forecast's error is than the plan's: 0.3 is 30 % below. */
        public double belowPlan() {
            return planMaeDays == 0 ? 0 : 1 - forecastMaeDays / planMaeDays;
        }

        private static double share(List<Answer> answers, java.util.function.Predicate<Answer> test) {
            return answers.isEmpty() ? Double.NaN : answers.stream().filter(test).count() / (double) answers.size();
        }

        /** Mean |said − real end| in days of 24 hours, over the answers that said a date. */
        private static double mae(List<Answer> answers, Function<Answer, Optional<Instant>> said) {
            return answers.stream().flatMap(a -> said.apply(a).stream()
                            .map(t -> Math.abs(Duration.between(a.end(), t).toSeconds()) / SECONDS_PER_DAY))
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }
}
