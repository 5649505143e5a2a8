package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.forecast.Tally;
import app.tamroi.usecase.forecast.port.ForecastTallies;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The forecast tallies in PostgreSQL: one upsert over arrays per batch, one grouped read per outlook. */
@ApplicationScoped
public class PostgresForecastTallies implements ForecastTallies {

    private static final String ADD = """
            insert into forecast_tally (service_code, day, kind, step, item, shard, count)
            select sc, d, k, s, i, ?, n
            from unnest(?::varchar[], ?::date[], ?::char[], ?::varchar[], ?::varchar[], ?::bigint[]) as u(sc, d, k, s, i, n)
            on conflict (service_code, day, kind, step, item, shard) do update set count = forecast_tally.count + excluded.count""";

    private record Row(String serviceCode, Tally.Entry entry, long count) {
    }

    private final AgroalDataSource dataSource;

    public PostgresForecastTallies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One statement for every service of a batch: a round trip per batch, not one per service. */
    @Override
    public void add(SortedMap<String, Tally> deltas, int shard) {
        List<Row> rows = new ArrayList<>();
        deltas.forEach((service, delta) -> delta.counts().forEach(c -> rows.add(new Row(service, c.getKey(), c.getValue()))));
        if (rows.isEmpty()) {
            return;
        }
        Sql.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(ADD)) {
                ps.setInt(1, shard);
                ps.setArray(2, Sql.texts(c, rows, Row::serviceCode));
                ps.setArray(3, c.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.entry().day())).toArray()));
                ps.setArray(4, Sql.texts(c, rows, r -> String.valueOf(r.entry().kind().code())));
                ps.setArray(5, Sql.texts(c, rows, r -> r.entry().step()));
                ps.setArray(6, Sql.texts(c, rows, r -> r.entry().item()));
                ps.setArray(7, c.createArrayOf("bigint", rows.stream().map(Row::count).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Counted> forDay(String serviceCode, LocalDate day, LocalDate windowFrom, LocalDate paceFrom) {
        String sql = """
                select case when kind in ('E', 'L') and day < ?::date then ?::date - 1 else day end as d, kind, step, item, sum(count)
                from forecast_tally
                where service_code = ? and day < ?::date and (kind in ('E', 'L') or day >= ?::date)
                group by 1, 2, 3, 4
                having sum(count) <> 0""";
        return Sql.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, paceFrom);
                ps.setObject(2, paceFrom);
                ps.setString(3, serviceCode);
                ps.setObject(4, day);
                ps.setObject(5, windowFrom);
                List<Counted> counted = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counted.add(new Counted(new Tally.Entry(rs.getObject(1, LocalDate.class),
                                Tally.Kind.ofCode(rs.getString(2).charAt(0)), rs.getString(3), rs.getString(4)), rs.getLong(5)));
                    }
                }
                return counted;
            }
        });
    }

    @Override
    public void replaceAll(Map<String, Tally> totals) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from forecast_tally")) {
                return ps.executeUpdate();
            }
        });
        add(new TreeMap<>(totals), 0);
    }
}
