package app.tamroi.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
        for (String mode : modes()) {
            for (String phase : List.of("kafka", "http")) {
                cpuRow(phase + ", statistics " + mode, "mode." + mode + ".cpu." + phase);
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

    private List<String> modes() {
        return Stream.of(values.getOrDefault("bench.forecast_modes", "").trim().split("\\s+"))
                .filter(m -> values.keySet().stream().anyMatch(k -> k.startsWith("mode." + m + ".")))
                .distinct().toList();
    }

    /**
     * Ingestion with the forecast statistics off and on: each mode on a new database and broker with
     * the same workload, so the rates differ only in the learning. Beside the plain ratio, the ratio
     * of each rate to its own ceiling, which takes out part of what other work on the machine did.
     */
    private void forecastModes() {
        List<String> modes = modes();
        if (!modes.contains("off") || !modes.contains("on")) {
            return;
        }
        line("Forecast statistics off, then on (`-Dtamroi.forecast.statistics`), each on a new database and broker with "
                + "the same workload; the rows after this table are the last mode's (%s).", modes.get(modes.size() - 1));
        line("");
        line("| figure | statistics off (ceiling, same mode) | statistics on (ceiling, same mode) | on / off "
                + "| on / off, each over its ceiling | goal | met |");
        line("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        modeRow("Kafka ingestion, events/s (warm)", "kafka.events_per_s", "ceiling.kafka.rows_per_s", 0.9);
        modeRow("Kafka ingestion cold, events/s", "kafka.cold_events_per_s", "ceiling.kafka.rows_per_s", 0);
        modeRow("HTTP batch ingestion, events/s", "http.events_per_s", "ceiling.http.rows_per_s", 0.9);
        line("| Learned while ingesting: forecast counters; ended journeys; visits | %s; %s; %s | %s; %s; %s | | | | |",
                count("mode.off.tally.rows"), count("mode.off.tally.journeys"), count("mode.off.tally.visits"),
                count("mode.on.tally.rows"), count("mode.on.tally.journeys"), count("mode.on.tally.visits"));
        line("| CPU s used by everything else on the machine during Kafka / HTTP | %s / %s | %s / %s | | | | |",
                number("mode.off.cpu.kafka.others_s", 1), number("mode.off.cpu.http.others_s", 1),
                number("mode.on.cpu.kafka.others_s", 1), number("mode.on.cpu.http.others_s", 1));
        line("");
    }

    private void modeRow(String what, String measured, String ceiling, double goal) {
        Optional<Double> off = results.number("mode.off." + measured);
        Optional<Double> on = results.number("mode.on." + measured);
        Optional<Double> offCeiling = results.number("mode.off." + ceiling);
        Optional<Double> onCeiling = results.number("mode.on." + ceiling);
        Optional<Double> ratio = off.flatMap(f -> on.map(n -> n / f));
        Optional<Double> relative = ratio.flatMap(r -> offCeiling.flatMap(fc -> onCeiling.map(nc -> r * fc / nc)));
        String met = goal <= 0 ? "—" : ratio.map(r -> r >= goal ? "yes" : "**no**").orElse("not run");
        line("| %s | %s (%s) | %s (%s) | %s | %s | %s | %s |", what, number("mode.off." + measured, 0),
                number("mode.off." + ceiling, 0), number("mode.on." + measured, 0), number("mode.on." + ceiling, 0),
                ratio.map(PrintBenchTable::twoDecimals).orElse("—"), relative.map(PrintBenchTable::twoDecimals).orElse("—"),
                goal <= 0 ? "none set" : String.format(Locale.ROOT, "≥ %.1f ×", goal), met);
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

    private static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
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
        return results.number(name).map(v -> decimals == 0 ? String.format(Locale.ROOT, "%,d", Math.round(v))
                : String.format(Locale.ROOT, "%,." + decimals + "f", v)).orElse("—");
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
