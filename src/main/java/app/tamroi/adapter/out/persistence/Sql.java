package app.tamroi.adapter.out.persistence;

import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** One statement's worth of JDBC, with failures told apart the one way every adapter here tells them. */
final class Sql {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Sql() {
    }

    static <T> T run(AgroalDataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            // an outage is retried and answered 503; data the server refuses is the fault of what carried it
            throw StoreOutage.isOutage(e) ? new StoreUnavailableException(e)
                    : new StoreRefusedException(e.getSQLState() == null ? "unknown" : e.getSQLState(), e);
        }
    }

    static <T> Array texts(Connection c, Collection<T> items, Function<T, String> value) throws SQLException {
        return c.createArrayOf("varchar", items.stream().map(value).toArray());
    }
}
