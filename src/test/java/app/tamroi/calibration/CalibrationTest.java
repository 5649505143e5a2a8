package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tamroi.calibration.AsOfForecasts.ForecastAt;
import app.tamroi.calibration.EventLogFile.Activity;
import app.tamroi.calibration.EventLogFile.Trace;
import app.tamroi.domain.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures of a calibration, on cases whose every answer is known in advance. */
class CalibrationTest {

    private static final Instant START = Instant.parse("2013-03-04T08:00:00Z");

    /** Ten tickets of five events a day apart, except the last two, whose last wait is three days. */
    private static Workload tickets() {
        List<Trace> traces = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            Instant s = START.plus(Duration.ofDays(7L * n));
            long lastWait = n >= 8 ? 3 : 1;
            traces.add(new Trace("Case " + n, List.of(new Activity("a", s), new Activity("b", s.plus(Duration.ofDays(1))),
                    new Activity("c", s.plus(Duration.ofDays(2))), new Activity("d", s.plus(Duration.ofDays(3))),
                    new Activity("e", s.plus(Duration.ofDays(3 + lastWait))))));
        }
        return HelpdeskWorkload.of(traces);
    }

    /** Levels k/20 at the real end plus (k − 16) hours: only the levels from p80 on are at or after it. */
    private static AsOfForecasts knowingTheEnd(Workload w) {
        Map<String, Instant> ends = new HashMap<>();
        w.cases().forEach(c -> ends.put(c.subject(), c.end()));
        return (subject, t) -> {
            List<Instant> levels = new ArrayList<>();
            for (int k = 1; k <= Forecast.LEVELS; k++) {
                levels.add(ends.get(subject).plus(Duration.ofHours(k - 16)));
            }
            return Optional.of(new ForecastAt(Forecast.Basis.HISTORY, levels, Optional.of(ends.get(subject).plus(Duration.ofDays(1))),
                    "somewhere", 40));
        };
    }

    @Test
    void asksTheLastFifthAtEveryPrefixFromTwoToOneBeforeTheEnd() {
        Workload w = tickets();

        Calibration c = Evaluation.run(w, knowingTheEnd(w));

        assertEquals(2, c.testCases());
        assertEquals(List.of(2, 3, 4, 2, 3, 4), c.answers().stream().map(Calibration.Answer::k).toList());
        assertEquals(List.of("helpdesk-case-8", "helpdesk-case-9"),
                c.answers().stream().map(a -> a.testCase().subject()).distinct().toList());
    }

    @Test
    void coverageIsTheShareOfRealEndsAtOrBeforeEachLevel() {
        Workload w = tickets();

        Calibration.Figures f = Evaluation.run(w, knowingTheEnd(w)).figures();

        for (int k = 1; k <= Forecast.LEVELS; k++) {
            assertEquals(k >= 16 ? 1.0 : 0.0, f.coverage(k), "level " + k);
        }
        assertEquals(1.0, f.p80Coverage());
        assertEquals(0.0, f.p50Coverage());
    }

    @Test
    void errorsAreMeanAbsoluteDaysForTheForecastThePlanAndTheBaselines() {
        Workload w = tickets();

        Calibration.Figures f = Evaluation.run(w, knowingTheEnd(w)).figures();

        assertEquals(0.25, f.forecastMaeDays(), 1e-9, "p50 six hours early");
        assertEquals(1.0, f.planMaeDays(), 1e-9);
        // training tickets all wait a day at the end, the two test tickets three: after b and c the naive
        // baseline is two days early, after d too
        assertEquals(2.0, f.naiveByActivityMaeDays(), 1e-9);
        assertEquals(2.0, f.naiveByStepMaeDays(), 1e-9);
        assertEquals(0.75, f.belowPlan(), 1e-9);
    }

    @Test
    void figuresAreGivenPerGroupToo() {
        Workload w = tickets();

        Map<String, Calibration.Figures> byPrefix = Evaluation.run(w, knowingTheEnd(w)).by(a -> "k=" + a.k());

        assertEquals(List.of("k=2", "k=3", "k=4"), List.copyOf(byPrefix.keySet()));
        assertEquals(2, byPrefix.get("k=3").questions());
    }

    @Test
    void aQuestionWithoutForecastIsCountedButNotScored() {
        Workload w = tickets();
        AsOfForecasts known = knowingTheEnd(w);
        AsOfForecasts silentOnCase9 = (subject, t) -> subject.endsWith("9") ? Optional.empty() : known.at(subject, t);

        Calibration c = Evaluation.run(w, silentOnCase9);

        assertEquals(6, c.answers().size());
        assertEquals(3, c.answered().size());
        assertEquals(3, c.figures().questions());
    }
}
