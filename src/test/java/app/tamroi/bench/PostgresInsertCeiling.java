package app.tamroi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling that ingestion is held against: how fast this PostgreSQL, right now, takes the same
 * rows with nothing in between, as plain batched inserts (500 rows a transaction, two clients)
 * into a scratch table with the columns and indexes of {@code step_event}. The foreign key to
 * {@code application} is left out, so the ceiling is, if anything, a little high.
 */
public final class PostgresInsertCeiling {

    static final String TABLE = "bench_ceiling_step_event";

    public static void run(BenchSettings settings, BenchResults results, String name) throws Exception {
        int apps = BenchSettings.intProperty("bench.apps", 100_000);
        int rowsPerTransaction = BenchSettings.intProperty("bench.ceiling.batch", 500);
        int clients = BenchSettings.intProperty("bench.ceiling.clients", 2);
        List<StepEventWorkload.Event> rows = settings.workload("K", apps, true).events().stream()
                .filter(e -> e.kind() == StepEventWorkload.Kind.VALID).toList();
        Map<String, Long> applicationIds = new HashMap<>();
        for (StepEventWorkload.Event e : rows) {
            applicationIds.computeIfAbsent(e.subject(), s -> (long) applicationIds.size() + 1);
        }
        try (Connection c = settings.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + " (seq bigserial primary key, source varchar(256) not null, "
                    + "event_id varchar(256) not null, application_id bigint not null, type varchar(40) not null, "
                    + "step varchar(64), public_note varchar(500), occurred_at timestamptz not null, "
                    + "received_at timestamptz not null, channel varchar(8) not null, agency varchar(64) not null, "
                    + "unique (agency, source, event_id))");
            s.execute("create index on " + TABLE + " (application_id, occurred_at, seq)");
        }
        // split by application, as Kafka partitions do, so the clients never touch one application's rows together
        List<List<StepEventWorkload.Event>> shares = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            shares.add(new ArrayList<>());
        }
        rows.forEach(e -> shares.get(Math.floorMod(e.subject().hashCode(), clients)).add(e));
        System.out.printf("Ceiling: %d rows, %d a transaction, %d clients%n", rows.size(), rowsPerTransaction, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (List<StepEventWorkload.Event> share : shares) {
            done.add(pool.submit(() -> insert(settings, share, applicationIds, rowsPerTransaction)));
        }
        long inserted = 0;
        for (Future<Integer> f : done) {
            inserted += f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        try (Connection c = settings.connect(); Statement s = c.createStatement()) {
            s.execute("drop table " + TABLE);
        }
        results.put(name + ".rows", inserted);
        results.put(name + ".seconds", seconds);
        results.put(name + ".rows_per_s", inserted / seconds);
    }

    private static int insert(BenchSettings settings, List<StepEventWorkload.Event> rows, Map<String, Long> ids,
                              int perTransaction) throws SQLException {
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = settings.connect(); PreparedStatement ps = c.prepareStatement("insert into " + TABLE
                + " (source, event_id, application_id, type, step, public_note, occurred_at, received_at, channel, agency)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int inBatch = 0;
            for (StepEventWorkload.Event e : rows) {
                ps.setString(1, e.source());
                ps.setString(2, e.id());
                ps.setLong(3, ids.get(e.subject()));
                ps.setString(4, e.type());
                ps.setString(5, e.step());
                ps.setString(6, e.note());
                ps.setObject(7, e.time().atOffset(ZoneOffset.UTC));
                ps.setObject(8, received);
                ps.setString(9, "kafka");
                ps.setString(10, e.service().agency());
                ps.addBatch();
                if (++inBatch == perTransaction) {
                    ps.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ps.executeBatch();
                c.commit();
            }
            return rows.size();
        }
    }
}
