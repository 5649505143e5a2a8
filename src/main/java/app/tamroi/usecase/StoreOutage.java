package app.tamroi.usecase;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a failure of the store means, decided once for every channel: the database being out of
 * reach (connection lost, server shutting down, too many connections, no pooled connection in
 * time) is an outage, which is retried and answered 503; anything else, such as data the database
 * refuses, belongs to the one event or request that caused it and is never retried as an outage.
 */
public enum StoreOutage {
    NONE, BEFORE_COMMIT, AT_COMMIT;

    /** Whether a failure is an outage, however it travelled: through Hibernate, a commit Narayana could not complete, or the pool. */
    public static StoreOutage behind(Throwable failure) {
        boolean atCommit = false;
        boolean unreachable = false;
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            atCommit |= t instanceof RollbackException
                    || t instanceof HeuristicMixedException
                    || t instanceof HeuristicRollbackException;
            unreachable |= t instanceof StoreUnavailableException || t instanceof SQLException sql && isOutage(sql);
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            // a failed commit keeps its cause among the suppressed exceptions
            Arrays.stream(t.getSuppressed()).forEach(pending::push);
        }
        return !unreachable ? NONE : atCommit ? AT_COMMIT : BEFORE_COMMIT;
    }

    public static boolean isOutage(Throwable failure) {
        return behind(failure) != NONE;
    }

    /** The SQL states that mean the server is away, not that it refused what it was sent. */
    public static boolean isOutage(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // the pool's own failures carry no SQL state; running out of time for a connection is one
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout") || message.contains("connection") && message.contains("closed");
        }
        // 08: connection exception; 57P01-57P03: the server shut down or cannot take connections yet;
        // 53300: too many connections; 57014 is a cancelled statement (shutdown or timeout)
        return state.startsWith("08") || state.startsWith("57P0") || state.equals("53300") || state.equals("57014");
    }
}
