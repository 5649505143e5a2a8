package app.tamroi.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of {@code step_event} as they become committed, each reported once. {@code seq} is taken
 * when a row is inserted, not when it is committed: with batches committing concurrently a lower
 * seq can appear after a higher one, and an insert that met a duplicate leaves a seq unused. So
 * the numbers skipped past are kept as gaps and asked for again, until they fill or grow old.
 */
final class NewStepEventRows {

    /** {@code receivedAtMicros}: when Tamroi began the transaction that stored the row, on the epoch clock. */
    record Row(long seq, String source, String eventId, String channel, long receivedAtMicros) {
    }

    private static final long GAP_LIFETIME_NANOS = 5_000_000_000L;

    private final PreparedStatement query;
    private final Connection connection;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long cursor;

    /** @param fromStart every row of the table, or only those committed from now on */
    NewStepEventRows(Connection connection, boolean fromStart) throws SQLException {
        this.connection = connection;
        try (PreparedStatement start = connection.prepareStatement("select coalesce(max(seq), 0) from step_event");
             ResultSet rs = start.executeQuery()) {
            rs.next();
            cursor = fromStart ? 0 : rs.getLong(1);
        }
        query = connection.prepareStatement(
                "select seq, source, event_id, channel, received_at from step_event where seq > ? or seq = any(?) order by seq");
    }

    List<Row> poll() throws SQLException {
        long now = System.nanoTime();
        for (Iterator<Long> it = gaps.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > GAP_LIFETIME_NANOS) {
                it.remove();
            } else {
                break;
            }
        }
        query.setLong(1, cursor);
        Array missing = connection.createArrayOf("bigint", gaps.keySet().toArray());
        query.setArray(2, missing);
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq > cursor) {
                    for (long skipped = cursor + 1; skipped < seq; skipped++) {
                        gaps.put(skipped, now);
                    }
                    cursor = seq;
                } else if (gaps.remove(seq) == null) {
                    continue;
                }
                java.time.Instant received = rs.getObject(5, java.time.OffsetDateTime.class).toInstant();
                rows.add(new Row(seq, rs.getString(2), rs.getString(3), rs.getString(4),
                        received.getEpochSecond() * 1_000_000 + received.getNano() / 1000));
            }
        }
        missing.free();
        return rows;
    }
}
