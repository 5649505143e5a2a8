package app.tamroi.support.inmem;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.usecase.StoreRefusedException;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.usecase.track.port.ApplicationQueries;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event log and the applications in memory, keeping the promises the PostgreSQL log keeps:
 * each (agency, source, id) once, an application per (agency, subject) created once, arrival order
 * as the tie-breaker, and the version an application follows known only once it is submitted and
 * projected. It can be told to refuse some events' data, or to be out of reach, as a database can.
 */
public final class InMemEventLog implements EventStore, ApplicationQueries {

    private record Row(long applicationId, String agency, RecordedEvent event) {
    }

    /** Everything a transaction may have to undo. */
    static final class State {
        final Map<Long, Application> applications;
        final Map<EventKey, Row> events;
        final Map<Long, Projection> projections;
        long lastId;
        long lastSeq;

        State() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>(), 0, 0);
        }

        private State(Map<Long, Application> applications, Map<EventKey, Row> events, Map<Long, Projection> projections,
                      long lastId, long lastSeq) {
            this.applications = applications;
            this.events = events;
            this.projections = projections;
            this.lastId = lastId;
            this.lastSeq = lastSeq;
        }

        State copy() {
            return new State(new LinkedHashMap<>(applications), new LinkedHashMap<>(events), new HashMap<>(projections),
                    lastId, lastSeq);
        }
    }

    private State state = new State();
    private Predicate<RecordedEvent> refused = e -> false;
    private boolean unreachable;

    /** From now on, appending an event that matches is refused as a database refuses bad data. */
    public void refuse(Predicate<RecordedEvent> events) {
        this.refused = events;
    }

    /** Every call fails as it does while the database is away. */
    public void goAway() {
        unreachable = true;
    }

    public List<Application> applications() {
        return List.copyOf(state.applications.values());
    }

    public int eventCount() {
        return state.events.size();
    }

    public Optional<Projection> projection(long applicationId) {
        return Optional.ofNullable(state.projections.get(applicationId));
    }

    State snapshot() {
        return state.copy();
    }

    void restore(State saved) {
        state = saved;
    }

    @Override
    public Map<ApplicationKey, Application> find(Collection<ApplicationKey> keys) {
        reachable();
        Map<ApplicationKey, Application> found = new HashMap<>();
        for (Application app : state.applications.values()) {
            ApplicationKey key = new ApplicationKey(app.agency(), app.subject());
            if (keys.contains(key)) {
                found.put(key, followed(app));
            }
        }
        return found;
    }

    @Override
    public Map<EventKey, TrackingCode> logged(Collection<EventKey> events) {
        reachable();
        Map<EventKey, TrackingCode> found = new HashMap<>();
        for (EventKey key : events) {
            Row row = state.events.get(key);
            if (row != null) {
                found.put(key, state.applications.get(row.applicationId()).trackingCode());
            }
        }
        return found;
    }

    @Override
    public Map<ApplicationKey, Application> create(Collection<NewApplication> applications, Instant createdAt) {
        reachable();
        Set<ApplicationKey> existing = find(applications.stream().map(NewApplication::key).toList()).keySet();
        for (NewApplication a : applications) {
            if (!existing.contains(a.key())) {
                long id = ++state.lastId;
                state.applications.put(id, new Application(id, a.key().agency(), a.key().subject(), a.serviceCode(),
                        a.trackingCode(), createdAt, Optional.empty()));
            }
        }
        return find(applications.stream().map(NewApplication::key).toList());
    }

    @Override
    public Set<EventKey> append(List<Append> events) {
        reachable();
        Set<EventKey> appended = new HashSet<>();
        for (Append a : events) {
            if (refused.test(a.event())) {
                throw new StoreRefusedException("22023", new SQLException("refused for the test", "22023"));
            }
            EventKey key = new EventKey(a.agency(), a.event().source(), a.event().id());
            if (!state.events.containsKey(key)) {
                StepEvent e = a.event().event();
                StepEvent arrived = new StepEvent(e.type(), e.step(), e.occurredAt(), ++state.lastSeq, e.publicNote());
                RecordedEvent recorded = new RecordedEvent(a.event().source(), a.event().id(), arrived,
                        a.event().receivedAt(), a.event().channel());
                state.events.put(key, new Row(a.applicationId(), a.agency(), recorded));
                appended.add(key);
            }
        }
        return appended;
    }

    @Override
    public Map<Long, List<RecordedEvent>> eventsOf(Collection<Long> applicationIds) {
        reachable();
        Map<Long, List<RecordedEvent>> byApplication = new LinkedHashMap<>();
        state.events.values().stream()
                .filter(row -> applicationIds.contains(row.applicationId()))
                .sorted(Comparator.comparingLong((Row row) -> row.applicationId()).thenComparingLong(row -> row.event().event().arrival()))
                .forEach(row -> byApplication.computeIfAbsent(row.applicationId(), k -> new ArrayList<>()).add(row.event()));
        return byApplication;
    }

    @Override
    public void project(List<Projection> projections, Instant projectedAt) {
        reachable();
        projections.forEach(p -> state.projections.put(p.applicationId(), p));
    }

    @Override
    public List<Application> page(long afterId, int size) {
        reachable();
        return state.applications.values().stream().filter(a -> a.id() > afterId).limit(size).map(this::followed).toList();
    }

    @Override
    public Optional<Application> byTrackingCode(TrackingCode code) {
        reachable();
        return state.applications.values().stream().filter(a -> a.trackingCode().equals(code)).findFirst().map(this::followed);
    }

    @Override
    public Optional<Application> bySubject(String agency, String subject) {
        reachable();
        return state.applications.values().stream()
                .filter(a -> a.agency().equals(agency) && a.subject().equals(subject))
                .findFirst().map(this::followed);
    }

    @Override
    public List<RecordedEvent> events(long applicationId) {
        return eventsOf(List.of(applicationId)).getOrDefault(applicationId, List.of());
    }

    /** As the database reads it: the version is settled by a projected submission, not before. */
    private Application followed(Application app) {
        Projection p = state.projections.get(app.id());
        Optional<Integer> version = p != null && p.status().clock().submittedAt().isPresent()
                ? Optional.of(p.serviceVersion()) : Optional.empty();
        return new Application(app.id(), app.agency(), app.subject(), app.serviceCode(), app.trackingCode(), app.createdAt(),
                version);
    }

    private void reachable() {
        if (unreachable) {
            throw new StoreUnavailableException(new SQLException("Connection refused", "08001"));
        }
    }
}
