package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every pooled connection carries the request deadline as PostgreSQL's statement_timeout, so no
 * statement, however it was reached (a lock held elsewhere, a plan gone wrong), outlives the
 * request it serves. A cancelled statement is an outage to the caller (503, send again).
 */
@ApplicationScoped
public class StatementDeadline implements AgroalPoolInterceptor {

    private final long millis;

    public StatementDeadline(Limits limits) {
        this.millis = limits.request().deadline().toMillis();
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("set statement_timeout = " + millis);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the statement deadline on a new connection", e);
        }
    }
}
