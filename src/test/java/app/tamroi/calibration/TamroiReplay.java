package app.tamroi.calibration;

import app.tamroi.support.ServerClock;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Sender;
import app.tamroi.usecase.timeline.PublishTimeline;
import app.tamroi.adapter.in.json.TimelineDocument;
import app.tamroi.usecase.track.TrackApplication;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a workload into a running Tamroi the way an agency and its back office would: the timeline
 * published by the agency, then every step event as a CloudEvent through the ingestion use case, in
 * event-time order, in batches. The server's clock stands just after the last event meanwhile, so
 * that a log from the past or from the coming months is all accepted, and is left there: the
 * questions asked afterwards must not see the day move.
 */
@ApplicationScoped
public class TamroiReplay {

    public static final int BATCH = 1000;
    private static final String SOURCE = "urn:tamroi:calibration";
    private static final Sender SENDER = new Sender("replay", Optional.empty());

    private record Timed(Instant at, IncomingStepEvent event) {
    }

    private final PublishTimeline publication;
    private final IngestStepEvents ingestion;
    private final TrackApplication track;

    public TamroiReplay(PublishTimeline publication, IngestStepEvents ingestion, TrackApplication track) {
        this.publication = publication;
        this.ingestion = ingestion;
        this.track = track;
    }

    /** Publishes and ingests the workload; every event must be applied. */
    public void replay(Workload workload) {
        ServerClock.setTo(workload.lastEvent().plus(Duration.ofDays(1)));
        try {
            publication.publish(workload.serviceCode(), Workload.JSON.treeToValue(workload.timeline(), TimelineDocument.class),
                    new Caller(workload.agency(), Set.of(Caller.TIMELINE_EDITOR)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the timeline of " + workload.serviceCode() + " is not a timeline document", e);
        }
        List<Timed> events = new ArrayList<>();
        for (LoggedCase c : workload.cases()) {
            int seq = 0;
            for (LoggedCase.LogEvent e : c.events()) {
                for (LoggedCase.Sent s : e.sent()) {
                    events.add(new Timed(e.at(), new IncomingStepEvent("1.0", c.subject() + "-" + seq++, SOURCE,
                            s.type().cloudEventType(), c.subject(), e.at().toString(), workload.serviceCode(), s.step(),
                            null, null)));
                }
            }
        }
        // a stable sort: a case's events at one instant keep their order, which is the order they apply in
        events.sort(Comparator.comparing(Timed::at));
        for (int from = 0; from < events.size(); from += BATCH) {
            List<IncomingStepEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH)).stream()
                    .map(Timed::event).toList();
            for (EventOutcome outcome : ingestion.ingest(batch, SENDER)) {
                if (outcome.outcome() != EventOutcome.Outcome.APPLIED) {
                    throw new IllegalStateException("event " + outcome.id() + " was " + outcome.outcome() + ": " + outcome.problem());
                }
            }
        }
    }

    /** What Tamroi tells the workload's agency about its applications, as of any instant. */
    public AsOfForecasts forecasts(Workload workload) {
        return new TrackedForecasts(track, workload.agency());
    }
}
