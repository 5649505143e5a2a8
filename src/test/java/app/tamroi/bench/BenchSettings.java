package app.tamroi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What run.sh hands every phase, as {@code -Dbench.*} system properties. */
public record BenchSettings(String jdbcUrl, String kafka, String http, long seed, Instant anchor, Path catalogue) {

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/tamroi_bench?user=postgres"),
                System.getProperty("bench.kafka", "127.0.0.1:19092"),
                System.getProperty("bench.http", "http://127.0.0.1:18080"),
                Long.getLong("bench.seed", 20261116L),
                // one anchor for the whole run, so that a phase re-generating a workload gets the same events
                Instant.ofEpochSecond(Long.getLong("bench.anchor", Instant.now().getEpochSecond())),
                Path.of(System.getProperty("bench.catalogue", "config")));
    }

    public static int intProperty(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    public List<StepEventWorkload.Service> services() {
        return StepEventWorkload.services(catalogue);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** Each phase's workload: its own subjects and seed, the same events every run. */
    public StepEventWorkload workload(String prefix, int applications, boolean rawBytes) {
        return StepEventWorkload.generate(services(), prefix, applications, seed ^ prefix.hashCode(), anchor, rawBytes);
    }
}
