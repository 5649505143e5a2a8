package app.tamroi.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes the real PostgreSQL refuse, with a data exception (SQL state 22023), any event whose public
 * note carries {@link #MARK}: a stand-in for data that passes every check of Tamroi's own and is
 * still refused by the store, which is what the store boundary must survive.
 */
public final class StoreRefusal implements AutoCloseable {

    public static final String MARK = "refused-by-the-store";

    private final DataSource dataSource;

    private StoreRefusal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static StoreRefusal install(DataSource dataSource) {
        run(dataSource, """
                create or replace function refuse_marked_event() returns trigger language plpgsql as $$
                begin
                  if new.public_note like '%%%s%%' then
                    raise exception 'refused for the test' using errcode = '22023';
                  end if;
                  return new;
                end $$;
                drop trigger if exists refuse_marked_event on step_event;
                create trigger refuse_marked_event before insert on step_event
                  for each row execute function refuse_marked_event();
                """.formatted(MARK));
        return new StoreRefusal(dataSource);
    }

    @Override
    public void close() {
        run(dataSource, "drop trigger if exists refuse_marked_event on step_event");
    }

    private static void run(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
