package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every pooled connection carries a statement_timeout inside the request deadline, so no statement,
 * however it was reached (a lock held elsewhere, a plan gone wrong), outlives the request it
 * serves. It is four fifths of the deadline so that a cancelled statement is answered by the
 * request itself (an outage: 503, send again) before {@link RequestDeadline} has to step in.
 */
@ApplicationScoped
public class StatementDeadline implements AgroalPoolInterceptor {

    private final long millis;

    public StatementDeadline(Limits limits) {
        this.millis = Math.max(1, limits.request().deadline().toMillis() * 4 / 5);
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
