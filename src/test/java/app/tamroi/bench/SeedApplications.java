package app.tamroi.bench;

import app.tamroi.domain.application.TrackingCode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the database up to a total number of applications, fast: the rows go in with COPY and
 * their events are made by one {@code insert … select} in PostgreSQL. Each application has a
 * valid tracking code (from {@link TrackingCode#generate}) and a life of 1 to all-steps-plus-two
 * events in the past, so a status read does the same work as for any other application. Only the
 * columns a status read uses are filled in; the projection columns stay unprojected, because no
 * read uses them. Then writes a random sample of tracking codes, for the read load.
 */
public final class SeedApplications {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int total = BenchSettings.intProperty("bench.read.applications", 1_000_000);
        int sample = BenchSettings.intProperty("bench.read.codes", 20_000);
        Path codesFile = Path.of(System.getProperty("bench.codes", "target/bench-codes.txt"));
        List<StepEventWorkload.Service> services = settings.services();
        long began = System.nanoTime();
        try (Connection c = settings.connect(); Statement s = c.createStatement()) {
            long existing;
            try (ResultSet rs = s.executeQuery("select count(*) from application")) {
                rs.next();
                existing = rs.getLong(1);
            }
            long toAdd = Math.max(0, total - existing);
            System.out.printf("Seeding %d applications to reach %d (there are %d)%n", toAdd, total, existing);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Random random = new Random(settings.seed());
            // the bench database is new each run, so every service has exactly its first version
            int chunk = 100_000;
            for (long from = 0; from < toAdd; from += chunk) {
                StringBuilder rows = new StringBuilder(chunk * 120);
                for (long i = from; i < Math.min(toAdd, from + chunk); i++) {
                    StepEventWorkload.Service service = services.get((int) (i % services.size()));
                    Instant submitted = settings.anchor().minus(Duration.ofDays(3))
                            .minus(Duration.ofMinutes((i * 7919) % Duration.ofDays(57).toMinutes()));
                    rows.append(service.agency()).append('\t')
                            .append(String.format("S-%08d", i)).append('\t')
                            .append(service.code()).append('\t')
                            .append(TrackingCode.generate(random).value()).append('\t')
                            .append(submitted).append('\t')
                            .append(1).append('\t')
                            .append(submitted).append('\n');
                }
                copy.copyIn("copy application (agency, subject, service_code, tracking_code, created_at, service_version, "
                        + "submitted_at) from stdin", new StringReader(rows.toString()));
            }
            double appSeconds = (System.nanoTime() - began) / 1e9;
            results.put("seed.applications", toAdd);
            results.put("seed.applications_seconds", appSeconds);

            long eventsBegan = System.nanoTime();
            String stepsByService = services.stream()
                    .map(sv -> "('" + sv.code() + "', array[" + sv.steps().stream().map(st -> "'" + st.code() + "'")
                            .collect(Collectors.joining(",")) + "]::varchar[])")
                    .collect(Collectors.joining(", "));
            // k = 0 submitted, 1..n the steps completed in turn, n+1 the application completed
            int events = s.executeUpdate("""
                    insert into step_event (agency, source, event_id, application_id, type, step, occurred_at, received_at, channel)
                    select a.agency, 'urn:th:' || a.agency || ':bench-seed', 'seed-' || a.id || '-' || k, a.id,
                           case when k = 0 then 'tamroi.application.submitted'
                                when k <= cardinality(sv.steps) then 'tamroi.step.completed'
                                else 'tamroi.application.completed' end,
                           case when k between 1 and cardinality(sv.steps) then sv.steps[k] end,
                           a.submitted_at + k * interval '7 hours', a.submitted_at + k * interval '7 hours', 'http'
                    from application a
                    join (values %s) as sv(code, steps) on sv.code = a.service_code
                    cross join lateral generate_series(0, (a.id %% (cardinality(sv.steps) + 2))::int) as k
                    where a.subject like 'S-%%'
                    """.formatted(stepsByService));
            results.put("seed.events", events);
            results.put("seed.events_seconds", (System.nanoTime() - eventsBegan) / 1e9);
            s.execute("analyze application");
            s.execute("analyze step_event");
            try (ResultSet rs = s.executeQuery("select count(*), (select count(*) from step_event) from application")) {
                rs.next();
                results.put("read.applications_stored", rs.getLong(1));
                results.put("read.events_stored", rs.getLong(2));
            }
            s.execute("select setseed(0.5)");
            List<String> codes = new ArrayList<>(sample);
            try (ResultSet rs = s.executeQuery("select tracking_code from application order by random() limit " + sample)) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            Files.write(codesFile, codes, StandardCharsets.UTF_8);
        }
        results.put("seed.seconds", (System.nanoTime() - began) / 1e9);
    }
}
