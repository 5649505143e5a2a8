package app.tamroi.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads what Tamroi stored, straight from PostgreSQL: the log and the projection, as an auditor
 * would. Each test class has a schema of its own on the shared local server.
 */
final class Database {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    /** One application's stored projection, in the terms of its status page. */
    record Projection(String status, String currentStep, boolean ended, int eventCount) {
    }

    private final String schema;

    Database(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    String jdbcUrl(String applicationName) {
        return URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true&ApplicationName=" + applicationName;
    }

    void dropSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    long loggedEvents() throws SQLException {
        return single("select count(*) from " + schema + ".step_event");
    }

    /** source + " " + id of every event in the log; the unique key makes a duplicate impossible to hide. */
    Set<String> loggedEventKeys() throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select source || ' ' || event_id from " + schema + ".step_event")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    Map<String, Projection> projections() throws SQLException {
        Map<String, Projection> bySubject = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select subject, status, current_step, ended_at is not null, event_count from "
                     + schema + ".application")) {
            while (rs.next()) {
                bySubject.put(rs.getString(1), new Projection(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)));
            }
        }
        return bySubject;
    }

    /**
     * A digest of every projection column that a replay recomputes (all but projected_at), row by
     * row in id order, so one changed value anywhere changes it.
     */
    String projectionChecksum() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select md5(coalesce(string_agg(concat_ws('|', id, agency, subject, "
                     + "coalesce(service_version::text, '-'), status, schedule_status, at_risk, coalesce(current_step, '-'), "
                     + "coalesce(submitted_at::text, '-'), coalesce(ended_at::text, '-'), event_count), E'\\n' order by id), '')) "
                     + "from " + schema + ".application")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** How many projections were written at or after the given moment (PostgreSQL's clock). */
    long projectedSince(java.time.Instant since) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + schema + ".application where projected_at >= ?")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Cuts every connection the named Tamroi instance holds, as a failover or an operator would. */
    int terminateConnectionsOf(String applicationName) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("select count(*) filter (where pg_terminate_backend(pid)) "
                     + "from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    int connectionsOf(String applicationName) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL + "?ApplicationName=tamroi-fault-tests", USER, "");
    }
}
