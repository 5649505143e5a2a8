package app.tamroi.usecase.ingest.port;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import app.tamroi.domain.journey.JourneyStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The append-only event log and the applications it is about, written in batches. */
public interface EventStore {

    record ApplicationKey(String agency, String subject) {
    }

    /** Duplicates are found per agency: a source names a sender within its agency. */
    record EventKey(String agency, String source, String id) {
    }

    record NewApplication(ApplicationKey key, String serviceCode, TrackingCode trackingCode) {
    }

    record Append(long applicationId, String agency, RecordedEvent event) {
    }

    record Projection(long applicationId, int serviceVersion, JourneyStatus status, int eventCount) {
    }

    Map<ApplicationKey, Application> find(Collection<ApplicationKey> keys);

    /** The tracking codes of the applications that logged any of these events already. */
    Map<EventKey, TrackingCode> logged(Collection<EventKey> events);

    /** Creates what is missing and returns every one asked for (created meanwhile by another instance too). */
    Map<ApplicationKey, Application> create(Collection<NewApplication> applications, Instant createdAt);

    /** Appends what the log does not hold yet; returns the keys it did append. */
    Set<EventKey> append(List<Append> events);

    Map<Long, List<RecordedEvent>> eventsOf(Collection<Long> applicationIds);

    void project(List<Projection> projections, Instant projectedAt);

    /** Applications in id order after {@code afterId}, a page at a time: what a replay walks. */
    List<Application> page(long afterId, int size);
}
