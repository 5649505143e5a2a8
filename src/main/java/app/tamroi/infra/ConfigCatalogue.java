package app.tamroi.infra;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.service.Agency;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.usecase.timeline.port.Agencies;
import app.tamroi.usecase.timeline.InvalidTimelineException;
import app.tamroi.usecase.timeline.PublishTimeline;
import app.tamroi.usecase.timeline.port.SharedCalendars;
import app.tamroi.adapter.in.json.TimelineDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The operator's catalogue in {@code config/}: the agencies (agencies.json), shared calendars that
 * definitions name, and the service timelines published at start.
 */
@ApplicationScoped
public class ConfigCatalogue implements SharedCalendars, Agencies {

    private static final Logger LOG = Logger.getLogger(ConfigCatalogue.class);

    private final CatalogueConfig config;
    private final ObjectMapper json;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();
    private volatile boolean calendarsLoaded;
    private volatile Map<String, Agency> agencies;

    public ConfigCatalogue(CatalogueConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Override
    public Optional<WorkingCalendar> named(String name) {
        if (!calendarsLoaded) {
            loadCalendars();
        }
        return Optional.ofNullable(calendars.get(name));
    }

    @Override
    public Agency byCode(String code) {
        Map<String, Agency> known = agencies;
        if (known == null) {
            known = loadAgencies();
        }
        Agency agency = known.get(code);
        return agency != null ? agency : Agency.unnamed(code);
    }

    private synchronized Map<String, Agency> loadAgencies() {
        Path file = config.dir().resolve("agencies.json");
        Map<String, Agency> read = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                for (JsonNode node : json.readTree(file.toFile())) {
                    TimelineDocument.Text name = json.treeToValue(node.path("name"), TimelineDocument.Text.class);
                    Agency agency = new Agency(node.path("code").asText(null),
                            name == null ? null : new LocalizedText(name.th(), name.en()));
                    read.put(agency.code(), agency);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("config/agencies.json is not a list of agencies with code and name: "
                        + e.getMessage(), e);
            }
        }
        agencies = read;
        return read;
    }

    /** Published before the demo plays (the demo observes a lower priority). */
    void publishAtStart(@Observes @Priority(10) StartupEvent start, PublishTimeline publish) {
        if (!config.loadAtStart()) {
            return;
        }
        for (Path file : files("services")) {
            try {
                TimelineDocument doc = json.readValue(file.toFile(), TimelineDocument.class);
                String code = doc.code() != null ? doc.code() : file.getFileName().toString().replaceFirst("\\.json$", "");
                PublishTimeline.Published p = publish.publishFromCatalogue(code, doc);
                LOG.infof("service %s: version %d%s", p.code(), p.version(), p.created() ? " published" : " unchanged");
            } catch (IOException | InvalidTimelineException e) {
                throw new IllegalStateException("config/services/" + file.getFileName() + " cannot be published: " + e.getMessage(), e);
            }
        }
    }

    private synchronized void loadCalendars() {
        for (Path file : files("calendars")) {
            try {
                JsonNode node = json.readTree(file.toFile());
                String name = node.path("name").asText(file.getFileName().toString().replaceFirst("\\.json$", ""));
                calendars.put(name, TimelineDocument.calendarFrom(node));
            } catch (IOException | InvalidTimelineException e) {
                throw new IllegalStateException("config/calendars/" + file.getFileName() + " is not a calendar: " + e.getMessage(), e);
            }
        }
        calendarsLoaded = true;
    }

    private List<Path> files(String folder) {
        Path dir = config.dir().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
