package app.tamroi.calibration;

import app.tamroi.calibration.Calibration.Answer;
import app.tamroi.calibration.Calibration.Figures;
import app.tamroi.domain.forecast.Forecast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@code docs/forecast-calibration.md} and a reliability chart per workload beside it, from
 * measured calibrations. Everything in the document is computed; nothing is typed by hand except
 * the published figures it compares with, which are cited.
 */
public final class CalibrationDoc {

    public static final String FILE = "forecast-calibration.md";
    static final double COVERAGE_TARGET = 0.80;
    static final double COVERAGE_TOLERANCE = 0.03;
    static final double BELOW_PLAN_TARGET = 0.30;

    /** Published MAE on the helpdesk log, same protocol (as listed in the reallogs README). */
    private static final Map<String, Double> PUBLISHED = new java.util.LinkedHashMap<>();

    static {
        PUBLISHED.put("DA-LSTM", 12.90);
        PUBLISHED.put("ProcessTransformer", 5.42);
        PUBLISHED.put("GGNN", 4.80);
        PUBLISHED.put("PGTNet", 5.41);
        PUBLISHED.put("CatBoost with queue features", 4.81);
    }

    /**
     * One workload's calibration and what it cost.
     *
     * @param path     how the forecasts were asked (the real read path, or the domain alone)
     * @param prepare  generating or reading the workload
     * @param replay   publishing and ingesting it through Tamroi (zero when the domain alone was asked)
     * @param questions asking every question
     */
    public record Measured(Calibration calibration, String path, Duration prepare, Duration replay, Duration questions) {

        String name() {
            return calibration.workload().name();
        }

        String chartFile() {
            return "forecast-calibration-" + name() + ".svg";
        }
    }

    private CalibrationDoc() {
    }

    /** Writes the document and the charts into {@code docs}. */
    public static void write(Path docs, List<Measured> runs, String command, Instant writtenAt, Duration total) throws IOException {
        Files.createDirectories(docs);
        for (Measured m : runs) {
            Files.writeString(docs.resolve(m.chartFile()),
                    ReliabilityChart.svg("Reliability: " + m.name(), m.calibration().figures()), StandardCharsets.UTF_8);
        }
        Files.writeString(docs.resolve(FILE), markdown(runs, command, writtenAt, total), StandardCharsets.UTF_8);
    }

    static String markdown(List<Measured> runs, String command, Instant writtenAt, Duration total) {
        StringBuilder md = new StringBuilder();
        md.append("# Forecast calibration\n\n");
        md.append("Written by `").append(command).append("` on ")
                .append(writtenAt.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)).append(", on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores: both workloads took ").append(minutes(total))
                .append(" once Tamroi had started (the times of each part are in the summary); do not edit it by hand. ")
                .append("How to run it again is at the end.\n\n");
        md.append("""
                Each workload is replayed in event-time order through Tamroi's own ingestion, then asked as the \
                published research asks: the cases are ordered by their first event, the last fifth are the test \
                cases, and each test case is asked at every prefix of 2 … n−1 of its events, as of that event's time \
                (the agency view with `asOf`: only events at or before that instant, and the statistics of journeys \
                that ended before that instant's local day). For every question:

                - **p80 coverage**: the share of real ends at or before `p80By` (the promise Tamroi makes about its \
                own forecast: 8 in 10); **p50 coverage** likewise for `p50By`;
                - **MAE**: the mean |said date − real end| in days of 24 hours, for the forecast's `p50By`, the plan's \
                `expectedBy`, and two naive baselines learned from the training cases (the first four fifths) only: \
                the median remaining working time after the same current step, and after the same last activity;
                - **reliability**: for each level k/20 (5 %, 10 %, … 95 %), the share of real ends at or before the \
                forecast at that level; a calibrated forecast has k/20.

                """);
        md.append("## Summary\n\n");
        md.append("| | ").append(String.join(" | ", runs.stream().map(Measured::name).toList())).append(" |\n");
        md.append("|---|").append("---:|".repeat(runs.size())).append('\n');
        row(md, runs, "test cases", m -> String.format(Locale.ROOT, "%,d", m.calibration().testCases()));
        row(md, runs, "questions (prefixes asked)", m -> String.format(Locale.ROOT, "%,d", m.calibration().answers().size()));
        row(md, runs, "answered from history (basis HISTORY)", m -> share(m.calibration().fromHistory(),
                m.calibration().answered().size()));
        row(md, runs, "**p80 coverage** (target 80 ± 3 %)", m -> "**" + percent(m.calibration().figures().p80Coverage()) + "**");
        row(md, runs, "p50 coverage (calibrated: 50 %)", m -> percent(m.calibration().figures().p50Coverage()));
        row(md, runs, "**p50 MAE**, days", m -> "**" + days(m.calibration().figures().forecastMaeDays()) + "**");
        row(md, runs, "plan's `expectedBy` MAE, days", m -> days(m.calibration().figures().planMaeDays()));
        row(md, runs, "naive, same current step, MAE, days", m -> days(m.calibration().figures().naiveByStepMaeDays()));
        row(md, runs, "naive, same last activity, MAE, days", m -> days(m.calibration().figures().naiveByActivityMaeDays()));
        row(md, runs, "p50 MAE below the plan's (target ≥ 30 %)", m -> percent(m.calibration().figures().belowPlan()));
        row(md, runs, "forecasts asked through", Measured::path);
        row(md, runs, "time: workload made or read", m -> seconds(m.prepare()));
        row(md, runs, "time: published and ingested", m -> seconds(m.replay()));
        row(md, runs, "time: questions asked", m -> seconds(m.questions()));
        md.append('\n');
        for (Measured m : runs) {
            Figures f = m.calibration().figures();
            boolean covered = Math.abs(f.p80Coverage() - COVERAGE_TARGET) <= COVERAGE_TOLERANCE;
            boolean better = f.belowPlan() >= BELOW_PLAN_TARGET;
            md.append(String.format(Locale.ROOT, "- %s: p80 coverage %s the 80 ± 3 %% band (%s, %+.1f points); p50 MAE %s 30 %% "
                            + "below the plan's (%s below).%n", m.name(), covered ? "**within**" : "**outside**",
                    percent(f.p80Coverage()), 100 * (f.p80Coverage() - COVERAGE_TARGET), better ? "**at least**" : "**not**",
                    percent(f.belowPlan())));
        }
        md.append('\n');
        runs.stream().filter(m -> m.name().equals("helpdesk")).findFirst().ifPresent(m -> published(md, m));
        for (Measured m : runs) {
            section(md, m);
        }
        md.append("## How to reproduce\n\n");
        md.append("With PostgreSQL on 127.0.0.1:5432 (trust authentication, database `test`), from the project directory, "
                + "with the helpdesk log at `../shared/reallogs/helpdesk.xes.gz`:\n\n```\n").append(command).append("\n```\n\n");
        md.append("""
                It runs the test class `CalibrationRun` (left out of the normal `mvn -B verify`): Tamroi starts as in \
                the other integration tests, with its own schema, the synthetic workload is generated from its seed, \
                both workloads are published (`PublishTimeline`) and ingested through `IngestStepEvents` in batches of 1,000 events in \
                event-time order (the server clock set after the last event), and every question goes through \
                `TrackApplication.forAgency(…, asOf)`, the read path of \
                `GET /api/v1/agencies/{agency}/applications/{subject}?asOf=…`. This file and the charts are written \
                again; the same seed and log give the same figures. A small form of the synthetic workload runs in \
                the normal test suite (`SmallCalibrationIT`) and checks the p80 coverage band.
                """);
        return md.toString();
    }

    private static void published(StringBuilder md, Measured m) {
        Figures f = m.calibration().figures();
        md.append("## The helpdesk log beside the published figures\n\n");
        md.append("""
                The same log and protocol (hold-out by case start, every prefix 2 … n−1 of the last fifth), MAE in days. \
                The research methods are trained offline on the first four fifths; Tamroi learns as it goes, from the \
                journeys that had ended before the day of each question, over a rolling window. None of the published \
                methods says how often the real end falls inside a stated interval; Tamroi's p80 coverage is the column \
                beside.

                | method | MAE, days | p80 coverage |
                |---|---:|---:|
                """);
        PUBLISHED.forEach((method, mae) -> md.append(String.format(Locale.ROOT, "| %s (published) | %.2f | — |%n", method, mae)));
        md.append(String.format(Locale.ROOT, "| **Tamroi forecast, p50** | **%s** | **%s** |%n", days(f.forecastMaeDays()),
                percent(f.p80Coverage())));
        md.append(String.format(Locale.ROOT, "| Tamroi plan, `expectedBy` | %s | — |%n", days(f.planMaeDays())));
        md.append(String.format(Locale.ROOT, "| naive: median after the same last activity | %s | — |%n", days(f.naiveByActivityMaeDays())));
        md.append(String.format(Locale.ROOT, "| naive: median after the same current step | %s | — |%n", days(f.naiveByStepMaeDays())));
        md.append("""

                Sources: PGTNet's and QueueTab's published results on this log (Polato 2017, \
                doi:10.4121/uuid:0c60edf1-6f83-4e75-9367-4c63b3e9d5bb). With the mapping above, the step an \
                application is in at a prefix is that of the *next* activity, so Tamroi (and the current-step \
                baseline) know one activity more than the research methods and the last-activity baseline do.

                """);
    }

    private static void section(StringBuilder md, Measured m) {
        Calibration c = m.calibration();
        Figures f = c.figures();
        md.append("## ").append(title(m.name())).append("\n\n");
        m.calibration().workload().notes().forEach(note -> md.append(note).append("\n\n"));
        md.append(String.format(Locale.ROOT, "![Reliability of the forecast on the %s workload: %s](%s)%n%n", m.name(),
                "share of real ends at or before the forecast at each level", m.chartFile()));
        md.append("| forecast level | real ends at or before it | difference |\n|---:|---:|---:|\n");
        for (int k = 1; k <= Forecast.LEVELS; k++) {
            md.append(String.format(Locale.ROOT, "| %d %%%s | %s | %+.1f |%n", 5 * k, k == 10 ? " (p50)" : k == 16 ? " (p80)" : "",
                    percent(f.coverage(k)), 100 * (f.coverage(k) - k / 20.0)));
        }
        md.append('\n');
        breakdown(md, "By the step the application was in", c.by(a -> a.forecast().get().currentStep()));
        breakdown(md, "By the number of events known", c.by(a -> a.k() >= 6 ? "6 or more" : Integer.toString(a.k())));
        breakdown(md, "By when the question was asked", c.by(period(c)));
    }

    /** Months for a short test span, quarters for a long one. */
    private static Function<Answer, String> period(Calibration c) {
        Instant first = c.answers().stream().map(Answer::asked).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant last = c.answers().stream().map(Answer::asked).max(Instant::compareTo).orElse(Instant.EPOCH);
        boolean months = Duration.between(first, last).toDays() < 190;
        java.time.ZoneId zone = c.workload().calendar().zone();
        return a -> {
            var date = a.asked().atZone(zone).toLocalDate();
            return months ? date.toString().substring(0, 7) : date.getYear() + " Q" + (1 + (date.getMonthValue() - 1) / 3);
        };
    }

    private static void breakdown(StringBuilder md, String title, Map<String, Figures> groups) {
        md.append("**").append(title).append("**\n\n");
        md.append("| | questions | p80 coverage | p50 coverage | p50 MAE | plan MAE | naive (step) MAE |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, f) -> md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", name,
                f.questions(), percent(f.p80Coverage()), percent(f.p50Coverage()), days(f.forecastMaeDays()),
                days(f.planMaeDays()), days(f.naiveByStepMaeDays()))));
        md.append('\n');
    }

    private static void row(StringBuilder md, List<Measured> runs, String label, Function<Measured, String> cell) {
        md.append("| ").append(label).append(" | ").append(String.join(" | ", runs.stream().map(cell).toList())).append(" |\n");
    }

    private static String title(String name) {
        return switch (name) {
            case "synthetic" -> "The synthetic workload";
            case "helpdesk" -> "The helpdesk log";
            default -> name;
        };
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "—" : percent(part / (double) whole);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String days(double days) {
        return Double.isNaN(days) ? "—" : String.format(Locale.ROOT, "%.2f", days);
    }

    private static String seconds(Duration d) {
        return d.isZero() ? "—" : String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
