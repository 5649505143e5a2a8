package app.tamroi.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run's figures as Markdown tables: each machine-dependent figure beside the ceiling measured
 * in the same run on the same machine, the ratio and whether the goal is met.
 */
public final class PrintBenchTable {

    private final BenchResults results;
    private final Map<String, String> values;
    private final StringBuilder out = new StringBuilder();

    private PrintBenchTable(BenchResults results) {
        this.results = results;
        this.values = results.all();
    }

    public static String render(BenchResults results) {
        return new PrintBenchTable(results).table();
    }

    private String table() {
        line("Machine: %s cores (nproc), %s GiB RAM, %s; %s; PostgreSQL %s (autovacuum %s). Started %s; load average "
                        + "before the run: %s, after: %s.",
                text("machine.nproc"), text("machine.mem_gib"), text("machine.cpu"), text("machine.java"),
                text("machine.postgres"), text("machine.autovacuum"), text("bench.started"), text("machine.load_before"),
                text("machine.load_after"));
        line("Workload: seed %s; over Kafka %s warm-up records, then %s applications measured (%s records: %s valid, "
                        + "%s duplicates, %s malformed; dead letters seen: %s of both); over HTTP %s applications (%s events "
                        + "in %s batches).",
                text("bench.seed"), count("kafka.warmup_records"), count("bench.apps"), count("kafka.records"),
                count("kafka.expected_applied"), count("kafka.expected_duplicates"), count("kafka.expected_rejected"),
                count("kafka.dead_letters"), count("bench.apps"), count("http.events"), count("http.batches"));
        line("");
        forecastModes();
        line("| figure | measured | ceiling, same run | ratio | goal | met |");
        line("| --- | ---: | --- | ---: | --- | --- |");
        ratioRow("Kafka ingestion, events/s (pre-produced topic, warm: first measured transaction → last event stored)",
                "kafka.events_per_s", "ceiling.kafka.rows_per_s", "PostgreSQL batched insert, rows/s", 0.5);
        ratioRow("Kafka ingestion cold, events/s (the same, from Tamroi's first transaction, warm-up events included)",
                "kafka.cold_events_per_s", "ceiling.kafka.rows_per_s", "PostgreSQL batched insert, rows/s", 0);
        ratioRow("HTTP batch ingestion, events/s (" + text("http.clients") + " clients, batches of 1000)",
                "http.events_per_s", "ceiling.http.rows_per_s", "PostgreSQL batched insert, rows/s", 0.3);
        line("| Kafka produce → status visible at %s events/s, p50 / p99 (max) ms | %s / %s (%s) | — | — | none set | — |",
                number("latency.sent_per_s", 0), number("latency.p50_ms", 1), number("latency.p99_ms", 1),
                number("latency.max_ms", 0));
        line("| … of which until Tamroi's transaction begins / within it, p50 ms (p99) | %s (%s) / %s (%s) | — | — | — | — |",
                number("latency.to_transaction_p50_ms", 1), number("latency.to_transaction_p99_ms", 1),
                number("latency.in_transaction_p50_ms", 1), number("latency.in_transaction_p99_ms", 1));
        pacedRow("`GET /api/v1/track/{code}` (with its forecast)", "json_paced");
        pacedRow("`GET /track/{code}` (HTML, with its forecast)", "html_paced");
        ratioRow("`GET /api/v1/track/{code}` max, requests/s", "read.json_max.rps", "read.static_max.rps",
                "static `/bench.txt` from the same server, requests/s", 0.5);
        ratioRow("`GET /track/{code}` (HTML) max, requests/s", "read.html_max.rps", "read.static_max.rps",
                "static `/bench.txt` from the same server, requests/s", 0.5);
        ratioRow("Replay (`rebuild-projections`) of " + count("replay.events") + " events, events/s",
                "replay.events_per_s", "ceiling.http.rows_per_s", "PostgreSQL batched insert, rows/s (for scale)", 0);
        forecastShareRow();
        line("");
        line("Status reads ran with %s applications and %s events stored; before them, `rebuild-projections` learned "
                        + "the seeded history from all %s events in %s s (%s forecast counters).",
                count("read.applications_stored"), count("read.events_stored"), count("learn.events"),
                number("learn.seconds", 1), count("learn.tally_rows"));
        line("");
        line("| Tamroi (`-Xmx512m`) at the end of | heap used MiB | heap committed MiB | live heap after a full GC, MiB | RSS MiB |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (String phase : List.of("kafka", "http", "latency", "replay", "reads")) {
            if (values.containsKey("mem." + phase + ".rss_mb")) {
                line("| %s | %s | %s | %s | %s |", phase, number("mem." + phase + ".heap_used_mb", 0),
                        number("mem." + phase + ".heap_committed_mb", 0), number("mem." + phase + ".heap_live_mb", 0),
                        number("mem." + phase + ".rss_mb", 0));
            }
        }
        if (values.containsKey("replay.peak_rss_mb")) {
            line("| the replay command (its own JVM, `-Xmx512m`): peak RSS | | | | %s |", number("replay.peak_rss_mb", 0));
        }
        line("");
        line("| phase | wall s | CPU s used by this run (Tamroi, broker, its PostgreSQL backends, harness, wrk) "
                + "| CPU s used by everything else on the machine | CPU s available |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (Pass pass : passes()) {
            for (String phase : List.of("kafka", "http")) {
                cpuRow(phase + ", " + pass.label(), pass.prefix() + "cpu." + phase);
            }
        }
        for (String phase : List.of("latency", "replay", "learn", "reads")) {
            cpuRow(phase, "cpu." + phase);
        }
        return out.toString();
    }

    private void cpuRow(String phase, String prefix) {
        if (values.containsKey(prefix + ".wall_s")) {
            line("| %s | %s | %s | %s | %s |", phase, number(prefix + ".wall_s", 1), number(prefix + ".ours_s", 1),
                    number(prefix + ".others_s", 1), results.number(prefix + ".wall_s").map(w -> String.format(Locale.ROOT,
                            "%.1f", w * results.number("machine.nproc").orElse(1.0))).orElse("—"));
        }
    }

    /** Each ingestion pass in the order run: its mode and its number among that mode's passes. */
    private record Pass(String mode, int number) {

        String prefix() {
            return "mode." + mode + "." + number + ".";
        }

        String label() {
            return "statistics " + mode + ", pass " + number;
        }
    }

    private List<Pass> passes() {
        List<Pass> passes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String mode : values.getOrDefault("bench.forecast_modes", "").trim().split("\\s+")) {
            Pass pass = new Pass(mode, seen.merge(mode, 1, Integer::sum));
            if (values.keySet().stream().anyMatch(k -> k.startsWith(pass.prefix()))) {
                passes.add(pass);
            }
        }
        return passes;
    }

    /**
     * Ingestion with the forecast statistics off and on: each pass on a new database and broker
     * with the same workload, so the rates differ only in the learning and in what else the machine
     * did meanwhile (the last rows say how much that was). The CPU this run's processes used per
     * thousand events is the figure least moved by the neighbours.
     */
    private void forecastModes() {
        List<Pass> passes = passes();
        if (passes.stream().map(Pass::mode).distinct().count() < 2) {
            return;
        }
        line("Ingestion with the forecast statistics off and on (`-Dtamroi.forecast.statistics`), in passes of the same "
                + "workload, each on a new database and broker, in the order %s; the rows after this table are the last "
                + "pass's.", passes.stream().map(Pass::label).collect(Collectors.joining(", ")));
        line("");
        line("| figure | statistics off, each pass (ceiling) | statistics on, each pass (ceiling) | on / off, means "
                + "| goal | met |");
        line("| --- | ---: | ---: | ---: | --- | --- |");
        passRow("Kafka ingestion, events/s (warm)", "kafka.events_per_s", "ceiling.kafka.rows_per_s", true, 0.9);
        passRow("Kafka ingestion cold, events/s", "kafka.cold_events_per_s", "ceiling.kafka.rows_per_s", true, 0);
        passRow("HTTP batch ingestion, events/s", "http.events_per_s", "ceiling.http.rows_per_s", true, 0.9);
        passRow("CPU ms of this run's processes per 1000 events stored, Kafka phase", "cpu_per_1000.kafka", "", true, 0);
        passRow("CPU ms of this run's processes per 1000 events stored, HTTP phase", "cpu_per_1000.http", "", true, 0);
        passRow("CPU s used by everything else on the machine, Kafka phase", "cpu.kafka.others_s", "", false, 0);
        passRow("CPU s used by everything else on the machine, HTTP phase", "cpu.http.others_s", "", false, 0);
        passRow("Learned while ingesting: forecast counters", "tally.rows", "", false, 0);
        passRow("Learned while ingesting: ended journeys", "tally.journeys", "", false, 0);
        line("");
    }

    private void passRow(String what, String measured, String ceiling, boolean compared, double goal) {
        Map<String, List<Double>> byMode = new HashMap<>();
        Map<String, List<String>> cells = new HashMap<>();
        for (Pass pass : passes()) {
            Optional<Double> v = passValue(pass, measured);
            v.ifPresent(x -> byMode.computeIfAbsent(pass.mode(), m -> new ArrayList<>()).add(x));
            String cell = v.map(x -> format(x, x >= 100 || x == Math.rint(x) ? 0 : 1)).orElse("—")
                    + (ceiling.isEmpty() ? "" : " (" + count(pass.prefix() + ceiling) + ")");
            cells.computeIfAbsent(pass.mode(), m -> new ArrayList<>()).add(cell);
        }
        Optional<Double> ratio = compared ? mean(byMode.get("off")).flatMap(off -> mean(byMode.get("on")).map(on -> on / off))
                : Optional.empty();
        String met = goal <= 0 ? "—" : ratio.map(r -> r >= goal ? "yes" : "**no**").orElse("not run");
        line("| %s | %s | %s | %s | %s | %s |", what, String.join("; ", cells.getOrDefault("off", List.of("—"))),
                String.join("; ", cells.getOrDefault("on", List.of("—"))), ratio.map(r -> format(r, 2)).orElse("—"),
                goal <= 0 ? "none set" : String.format(Locale.ROOT, "≥ %.1f ×", goal), met);
    }

    /** A pass's figure; CPU per thousand events is worked out from the phase's CPU and the events it stored. */
    private Optional<Double> passValue(Pass pass, String name) {
        if (name.startsWith("cpu_per_1000.")) {
            String phase = name.substring(name.indexOf('.') + 1);
            Optional<Double> events = phase.equals("kafka")
                    ? results.number(pass.prefix() + "kafka.expected_applied").flatMap(k -> results
                            .number(pass.prefix() + "kafka.warmup_expected_applied").map(w -> k + w))
                    : results.number(pass.prefix() + "http.applied");
            return results.number(pass.prefix() + "cpu." + phase + ".ours_s")
                    .flatMap(cpu -> events.filter(n -> n > 0).map(n -> cpu * 1000 * 1000 / n));
        }
        return results.number(pass.prefix() + name);
    }

    private static Optional<Double> mean(List<Double> xs) {
        return xs == null || xs.isEmpty() ? Optional.empty()
                : Optional.of(xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static String format(double v, int decimals) {
        return decimals == 0 ? String.format(Locale.ROOT, "%,d", Math.round(v)) : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private void forecastShareRow() {
        if (results.number("read.forecast.sampled").isEmpty()) {
            return;
        }
        double history = results.number("read.forecast.history").orElse(0.0);
        double forecasts = history + results.number("read.forecast.plan").orElse(0.0);
        line("| Forecasts in the status reads: of %s codes sampled, with a forecast (the rest have ended); basis HISTORY "
                        + "| %s; %s (%s of those) | — | — | all HISTORY | %s |",
                count("read.forecast.sampled"), String.format(Locale.ROOT, "%,d", Math.round(forecasts)),
                count("read.forecast.history"),
                forecasts == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * history / forecasts),
                forecasts > 0 && history == forecasts ? "yes" : "**no**");
    }

    private void ratioRow(String what, String measured, String ceiling, String ceilingName, double goal) {
        Optional<Double> m = results.number(measured);
        Optional<Double> c = results.number(ceiling);
        String ratio = m.isPresent() && c.isPresent() ? String.format(Locale.ROOT, "%.2f", m.get() / c.get()) : "—";
        String met = goal <= 0 ? "—" : m.isPresent() && c.isPresent() ? (m.get() / c.get() >= goal ? "yes" : "**no**") : "not run";
        line("| %s | %s | %s: %s | %s | %s | %s |", what, number(measured, 0), ceilingName, number(ceiling, 0), ratio,
                goal <= 0 ? "none set" : String.format(Locale.ROOT, "≥ %.1f ×", goal), met);
    }

    private void pacedRow(String what, String name) {
        String prefix = "read." + name + ".";
        String ceiling = "read.static_paced.";
        Optional<Double> p99 = results.number(prefix + "p99_ms");
        String met = p99.map(v -> v < 10 ? "yes" : "**no**").orElse("not run");
        line("| %s at %s requests/s: achieved requests/s; p50 / p99 / p99.9 ms | %s; %s / %s / %s "
                        + "| static `/bench.txt` at the same rate: %s; %s / %s / %s | — | p99 < 10 ms | %s |",
                what, text("bench.read_rate"), number(prefix + "rps", 0), number(prefix + "p50_ms", 2),
                number(prefix + "p99_ms", 2), number(prefix + "p999_ms", 2), number(ceiling + "rps", 0),
                number(ceiling + "p50_ms", 2), number(ceiling + "p99_ms", 2), number(ceiling + "p999_ms", 2), met);
    }

    private String text(String name) {
        return values.getOrDefault(name, "?");
    }

    private String count(String name) {
        return number(name, 0);
    }

    private String number(String name, int decimals) {
        return results.number(name).map(v -> format(v, decimals)).orElse("—");
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
