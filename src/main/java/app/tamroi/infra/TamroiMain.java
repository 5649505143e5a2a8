package app.tamroi.infra;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One jar, two modes. In the {@code embedded} profile a real PostgreSQL is started in process
 * before Quarkus (the same database, SQL and migrations as production) and stopped after it, on
 * a normal exit and on SIGTERM alike; in every other profile Tamroi connects to the configured one.
 */
@QuarkusMain
public class TamroiMain {

    static final String EMBEDDED_PROFILE = "embedded";
    static final String DATA_DIR_PROPERTY = "tamroi.embedded-db.data-dir";

    /** {@code java -jar quarkus-run.jar rebuild-projections}: replay the log into every projection, then exit. */
    static final String REBUILD_COMMAND = "rebuild-projections";

    /** {@code java -jar quarkus-run.jar import-log FILE --service CODE …}: import an agency's event log, then exit. */
    static final String IMPORT_COMMAND = "import-log";

    public static void main(String... args) {
        EmbeddedPostgres database = EMBEDDED_PROFILE.equals(profile()) ? startDatabase() : null;
        String command = args.length > 0 ? args[0] : "";
        Class<? extends QuarkusApplication> application = switch (command) {
            case REBUILD_COMMAND -> Rebuild.class;
            case IMPORT_COMMAND -> Import.class;
            default -> Tamroi.class;
        };
        if (application != Tamroi.class) {
            // a one-off command beside a running instance: no consumer, no port of its own, no demo
            System.setProperty("mp.messaging.incoming.step-events.enabled", "false");
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("tamroi.demo.enabled", "false");
        }
        Quarkus.run(application, (code, failure) -> {
            if (failure != null) {
                System.err.println("Tamroi could not start: " + failure);
                failure.printStackTrace();
            }
            if (database != null) {
                closeQuietly(database);
            }
            System.exit(code);
        }, args);
    }

    public static class Tamroi implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    public static class Rebuild implements QuarkusApplication {
        @Override
        public int run(String... args) {
            long began = System.nanoTime();
            long rebuilt = io.quarkus.arc.Arc.container().instance(app.tamroi.usecase.ingest.RebuildProjections.class).get()
                    .rebuildAll();
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            System.out.printf("Rebuilt the projections of %d applications from the event log in %d ms%n", rebuilt, millis);
            return 0;
        }
    }

    public static class Import implements QuarkusApplication {
        @Override
        public int run(String... args) {
            return io.quarkus.arc.Arc.container().instance(app.tamroi.adapter.in.eventlog.ImportLogCommand.class).get()
                    .run(java.util.List.of(args).subList(1, args.length), System.out, System.err);
        }
    }

    private static String profile() {
        String profile = System.getProperty("quarkus.profile");
        return profile != null ? profile : System.getenv().getOrDefault("QUARKUS_PROFILE", "prod");
    }

    private static EmbeddedPostgres startDatabase() {
        Path dataDir = Path.of(System.getProperty(DATA_DIR_PROPERTY, "target/tamroi-data")).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            System.out.println("Starting the embedded PostgreSQL, data in " + dataDir + " …");
            EmbeddedPostgres database = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pg"))
                    // keep the data: the demo's applications survive a restart
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .start();
            // system properties outrank application.properties, so Quarkus connects here
            System.setProperty("quarkus.datasource.jdbc.url", database.getJdbcUrl("postgres", "postgres"));
            System.setProperty("quarkus.datasource.username", "postgres");
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL could not start in " + dataDir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres database) {
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
