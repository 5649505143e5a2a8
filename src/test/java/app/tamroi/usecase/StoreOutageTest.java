package app.tamroi.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures tell a caller "the database is away, send it again" (503) and which stay our fault (500). */
class StoreOutageTest {

    @Test
    void aConnectionLostUnderHibernateIsAnOutage() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertEquals(StoreOutage.BEFORE_COMMIT,
                StoreOutage.behind(new JDBCConnectionException("JDBC exception executing SQL", lost)));
    }

    @Test
    void aCommitThatFailedBecauseTheServerCutTheConnectionIsAnOutageAtCommit() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertEquals(StoreOutage.AT_COMMIT, StoreOutage.behind(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void waitingTooLongForAPooledConnectionIsAnOutage() {
        assertEquals(StoreOutage.BEFORE_COMMIT,
                StoreOutage.behind(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aViolatedConstraintIsNotAnOutage() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertEquals(StoreOutage.NONE, StoreOutage.behind(new IllegalStateException(duplicate)));
        assertEquals(StoreOutage.NONE, StoreOutage.behind(new RollbackException("marked for rollback")));
    }
}
