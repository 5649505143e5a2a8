package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.usecase.StoreOutage;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.usecase.track.port.ApplicationQueries;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The event log and the application projection in PostgreSQL. Every batch operation is one
 * statement over arrays ({@code unnest}), so a batch of a thousand events costs a few round trips.
 */
@ApplicationScoped
public class PostgresEventLog implements EventStore, ApplicationQueries {

    private static final String APPLICATION_COLUMNS =
            "id, agency, subject, service_code, tracking_code, created_at, service_version, submitted_at";

    private final AgroalDataSource dataSource;

    public PostgresEventLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<ApplicationKey, Application> find(Collection<ApplicationKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String sql = "select " + APPLICATION_COLUMNS + " from application where (agency, subject) in "
                + "(select * from unnest(?::varchar[], ?::varchar[])) order by id for update";
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, texts(c, keys, ApplicationKey::agency));
                ps.setArray(2, texts(c, keys, ApplicationKey::subject));
                Map<ApplicationKey, Application> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Application app = application(rs);
                        found.put(new ApplicationKey(app.agency(), app.subject()), app);
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Map<EventKey, TrackingCode> logged(Collection<EventKey> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        String sql = "select e.agency, e.source, e.event_id, a.tracking_code from step_event e join application a on a.id = e.application_id "
                + "where (e.agency, e.source, e.event_id) in (select * from unnest(?::varchar[], ?::varchar[], ?::varchar[]))";
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, texts(c, events, EventKey::agency));
                ps.setArray(2, texts(c, events, EventKey::source));
                ps.setArray(3, texts(c, events, EventKey::id));
                Map<EventKey, TrackingCode> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(new EventKey(rs.getString(1), rs.getString(2), rs.getString(3)), new TrackingCode(rs.getString(4)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Map<ApplicationKey, Application> create(Collection<NewApplication> applications, Instant createdAt) {
        String sql = """
                insert into application (agency, subject, service_code, tracking_code, created_at)
                select a, s, sc, tc, ?::timestamptz from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as u(a, s, sc, tc)
                on conflict (agency, subject) do nothing""";
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, utc(createdAt));
                ps.setArray(2, texts(c, applications, a -> a.key().agency()));
                ps.setArray(3, texts(c, applications, a -> a.key().subject()));
                ps.setArray(4, texts(c, applications, NewApplication::serviceCode));
                ps.setArray(5, texts(c, applications, a -> a.trackingCode().value()));
                return ps.executeUpdate();
            }
        });
        return find(applications.stream().map(NewApplication::key).toList());
    }

    @Override
    public Set<EventKey> append(List<Append> events) {
        String sql = """
                insert into step_event (source, event_id, application_id, type, step, public_note, occurred_at, received_at, channel, agency)
                select * from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::varchar[])
                on conflict (agency, source, event_id) do nothing
                returning agency, source, event_id""";
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, texts(c, events, a -> a.event().source()));
                ps.setArray(2, texts(c, events, a -> a.event().id()));
                ps.setArray(3, c.createArrayOf("bigint", events.stream().map(Append::applicationId).toArray()));
                ps.setArray(4, texts(c, events, a -> a.event().event().type().cloudEventType()));
                ps.setArray(5, texts(c, events, a -> a.event().event().step().orElse(null)));
                ps.setArray(6, texts(c, events, a -> a.event().event().publicNote().orElse(null)));
                ps.setArray(7, c.createArrayOf("timestamptz", events.stream().map(a -> utc(a.event().event().occurredAt())).toArray()));
                ps.setArray(8, c.createArrayOf("timestamptz", events.stream().map(a -> utc(a.event().receivedAt())).toArray()));
                ps.setArray(9, texts(c, events, a -> a.event().channel()));
                ps.setArray(10, texts(c, events, Append::agency));
                Set<EventKey> appended = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        appended.add(new EventKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return appended;
            }
        });
    }

    @Override
    public Map<Long, List<RecordedEvent>> eventsOf(Collection<Long> applicationIds) {
        String sql = "select application_id, seq, source, event_id, type, step, public_note, occurred_at, received_at, channel "
                + "from step_event where application_id = any(?) order by application_id, seq";
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("bigint", applicationIds.toArray()));
                Map<Long, List<RecordedEvent>> byApplication = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byApplication.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(recorded(rs));
                    }
                }
                return byApplication;
            }
        });
    }

    @Override
    public void project(List<Projection> projections, Instant projectedAt) {
        String sql = """
                update application a set service_version = u.v, status = u.st, schedule_status = u.ss, at_risk = u.r,
                    current_step = u.cs, submitted_at = u.sa, ended_at = u.ea, event_count = u.n, projected_at = ?::timestamptz
                from unnest(?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::boolean[], ?::varchar[],
                            ?::timestamptz[], ?::timestamptz[], ?::int[]) as u(id, v, st, ss, r, cs, sa, ea, n)
                where a.id = u.id""";
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, utc(projectedAt));
                ps.setArray(2, c.createArrayOf("bigint", projections.stream().map(Projection::applicationId).toArray()));
                ps.setArray(3, c.createArrayOf("integer", projections.stream().map(Projection::serviceVersion).toArray()));
                ps.setArray(4, texts(c, projections, p -> p.status().status().name()));
                ps.setArray(5, texts(c, projections, p -> p.status().schedule().status().name()));
                ps.setArray(6, c.createArrayOf("boolean",
                        projections.stream().map(p -> p.status().schedule().atRisk()).toArray()));
                ps.setArray(7, texts(c, projections,
                        p -> p.status().currentStep().map(current -> current.step().code()).orElse(null)));
                ps.setArray(8, c.createArrayOf("timestamptz", projections.stream()
                        .map(p -> p.status().clock().submittedAt().map(PostgresEventLog::utc).orElse(null)).toArray()));
                ps.setArray(9, c.createArrayOf("timestamptz", projections.stream()
                        .map(p -> p.status().outcome().map(o -> utc(o.endedAt())).orElse(null)).toArray()));
                ps.setArray(10, c.createArrayOf("integer", projections.stream().map(Projection::eventCount).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    // The reads below are single statements: outside a transaction they run in autocommit, which
    // spares each status read two transaction set-ups and two COMMIT round trips. Called within a
    // transaction, they join it as before.

    @Override
    public Optional<Application> byTrackingCode(TrackingCode code) {
        return one("select " + APPLICATION_COLUMNS + " from application where tracking_code = ?", code.value());
    }

    @Override
    public Optional<Application> bySubject(String agency, String subject) {
        return one("select " + APPLICATION_COLUMNS + " from application where agency = ? and subject = ?", agency, subject);
    }

    @Override
    public List<RecordedEvent> events(long applicationId) {
        return eventsOf(List.of(applicationId)).getOrDefault(applicationId, List.of());
    }

    @Override
    public List<Application> page(long afterId, int size) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + APPLICATION_COLUMNS
                    + " from application where id > ? order by id limit ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, size);
                List<Application> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(application(rs));
                    }
                }
                return page;
            }
        });
    }

    private Optional<Application> one(String sql, String... params) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(application(rs)) : Optional.<Application>empty();
                }
            }
        });
    }

    private static Application application(ResultSet rs) throws SQLException {
        int version = rs.getInt(7);
        boolean versionKnown = !rs.wasNull();
        boolean submitted = rs.getObject(8) != null;
        // the version is settled only by the submission; before it, the current one applies
        Optional<Integer> followed = submitted && versionKnown ? Optional.of(version) : Optional.empty();
        return new Application(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new TrackingCode(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(), followed);
    }

    private static RecordedEvent recorded(ResultSet rs) throws SQLException {
        String wireType = rs.getString(5);
        StepEventType type = StepEventType.fromCloudEventType(wireType)
                .orElseThrow(() -> new IllegalStateException("unknown type in the log: " + wireType));
        StepEvent event = new StepEvent(type, Optional.ofNullable(rs.getString(6)),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getLong(2), Optional.ofNullable(rs.getString(7)));
        return new RecordedEvent(rs.getString(3), rs.getString(4), event,
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static <T> Array texts(Connection c, Collection<T> items, Function<T, String> value) throws SQLException {
        return Sql.texts(c, items, value);
    }

    private <T> T sql(Sql.Work<T> work) {
        return Sql.run(dataSource, work);
    }
}
