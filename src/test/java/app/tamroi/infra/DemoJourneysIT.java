package app.tamroi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.ServerClock;
import app.tamroi.usecase.timeline.PublishTimeline;
import app.tamroi.adapter.in.json.TimelineDocument;
import app.tamroi.usecase.track.TrackApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A newcomer's first look: whenever Tamroi starts (a weekday morning, a Friday night, a Sunday, the
 * day after a holiday), the demo shows applications ahead, on track, behind and waiting on the citizen.
 */
@QuarkusTest
class DemoJourneysIT {

    static final Map<String, String> SHOWS = Map.of("AHEAD", "AHEAD", "ON-TRACK", "ON_TRACK", "BEHIND", "BEHIND",
            "WAITING", "WAITING_ON_CITIZEN", "COMPLETED", "COMPLETED_ON_TIME");

    @Inject
    DemoJourneys demo;

    @Inject
    PublishTimeline publish;

    @Inject
    TrackApplication track;

    @Inject
    ObjectMapper json;

    @AfterEach
    void realTime() {
        ServerClock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-16T02:00:00Z", "2026-11-20T15:00:00Z", "2026-11-22T05:00:00Z", "2026-12-08T01:30:00Z",
            "2026-12-11T09:00:00Z"})
    void everyDemoApplicationShowsTheStatusItWasWrittenFor(String startedAt) throws IOException {
        publishTheCatalogue();
        Instant now = Instant.parse(startedAt);
        ServerClock.setTo(now);

        List<DemoJourneys.DemoApplication> played = demo.playAt(now);

        assertEquals(8, played.size(), "one demo application per script");
        for (DemoJourneys.DemoApplication app : played) {
            String status = track.byTrackingCode(app.trackingCode()).orElseThrow().status().status().name();
            assertEquals(SHOWS.get(app.label()), status, app.service() + " " + app.label() + " at " + startedAt);
        }
        assertTrue(played.stream().map(DemoJourneys.DemoApplication::label).toList()
                .containsAll(List.of("AHEAD", "ON-TRACK", "BEHIND", "WAITING")));
    }

    private void publishTheCatalogue() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config/services"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                TimelineDocument doc = json.readValue(file.toFile(), TimelineDocument.class);
                publish.publishFromCatalogue(doc.code(), doc);
            }
        }
    }
}
