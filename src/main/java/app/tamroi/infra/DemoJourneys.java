package app.tamroi.infra;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.ingest.EventOutcome;
import app.tamroi.usecase.ingest.IncomingStepEvent;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Sender;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo applications that are ahead, on track, behind and waiting on the citizen right now. Their
 * events are dated backwards in each service's own working time from the moment Tamroi starts, so
 * every status holds whatever the day or hour; they go through the same ingestion as real events.
 */
@ApplicationScoped
public class DemoJourneys {

    private record Scripted(StepEventType type, String step, Duration workingTimeAgo, String note) {
    }

    private record Script(String service, String label, List<Scripted> events) {
    }

    private static Duration days(double d) {
        return Duration.ofMinutes(Math.round(d * 24 * 60));
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    private static Scripted at(Duration ago, StepEventType type, String step) {
        return new Scripted(type, step, ago, null);
    }

    private static final StepEventType SUBMITTED = StepEventType.SUBMITTED;
    private static final StepEventType DONE = StepEventType.STEP_COMPLETED;

    /** Working days here mean the service's own working day (24 h, or the working-hours window). */
    private static List<Script> scripts(Map<String, Duration> workingDay) {
        Duration rd = workingDay.getOrDefault("pit-refund", days(1));
        Duration dbd = workingDay.getOrDefault("company-registration", hours(8));
        Duration sso = workingDay.getOrDefault("maternity-benefit", hours(8));
        return List.of(
                new Script("pit-refund", "AHEAD", List.of(
                        at(rd.multipliedBy(2), SUBMITTED, null),
                        at(rd.multipliedBy(7).dividedBy(4), DONE, "received"),
                        at(rd, DONE, "verification"))),
                new Script("pit-refund", "ON-TRACK", List.of(
                        at(rd.multipliedBy(3).dividedBy(2), SUBMITTED, null),
                        at(rd.dividedBy(2), DONE, "received"))),
                new Script("pit-refund", "BEHIND", List.of(
                        at(rd.multipliedBy(5), SUBMITTED, null),
                        at(rd.multipliedBy(4), DONE, "received"))),
                new Script("pit-refund", "WAITING", List.of(
                        at(rd.multipliedBy(2), SUBMITTED, null),
                        at(rd.multipliedBy(7).dividedBy(4), DONE, "received"),
                        new Scripted(StepEventType.PAUSED, null, rd,
                                "กรุณาอัปโหลดสำเนาหน้าสมุดบัญชีธนาคาร / Please upload a copy of your bank book page"))),
                new Script("pit-refund", "COMPLETED", List.of(
                        at(rd.multipliedBy(6), SUBMITTED, null),
                        at(rd.multipliedBy(5), DONE, "received"),
                        at(rd.multipliedBy(4), DONE, "verification"),
                        at(rd.multipliedBy(2), DONE, "approval"),
                        at(rd.multipliedBy(3).dividedBy(2), StepEventType.COMPLETED, null))),
                new Script("company-registration", "ON-TRACK", List.of(
                        at(dbd.plus(hours(2)), SUBMITTED, null),
                        at(dbd.minus(hours(1)), DONE, "intake"))),
                new Script("company-registration", "BEHIND", List.of(
                        at(dbd.multipliedBy(3), SUBMITTED, null),
                        at(dbd.multipliedBy(5).dividedBy(2), DONE, "intake"))),
                new Script("maternity-benefit", "WAITING", List.of(
                        at(sso.multipliedBy(3), SUBMITTED, null),
                        at(sso.multipliedBy(5).dividedBy(2), DONE, "received"),
                        new Scripted(DONE, "eligibility-check", sso,
                                "ขาดสำเนาสูติบัตรของบุตร / The child's birth certificate is missing"))));
    }

    static final String TOKENS_FILE = "target/demo-tokens.env";

    private final DemoConfig config;
    private final ServiceCatalogue catalogue;
    private final IngestStepEvents ingest;
    private final Clock clock;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    public DemoJourneys(DemoConfig config, ServiceCatalogue catalogue, IngestStepEvents ingest, Clock clock) {
        this.config = config;
        this.catalogue = catalogue;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** A demo application and the status its script was written to show. */
    public record DemoApplication(String service, String label, String trackingCode) {
    }

    void play(@Observes @Priority(20) StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (DemoApplication app : playAt(clock.instant())) {
            lines.add(String.format("  %-22s %-10s http://localhost:%d/track/%s", app.service(), app.label(), port,
                    app.trackingCode()));
        }
        print(lines);
    }

    /** Plays every script whose service is in the catalogue, dated back from {@code now}. */
    public List<DemoApplication> playAt(Instant now) {
        Map<String, Duration> workingDay = new LinkedHashMap<>();
        catalogue.all().forEach(h -> workingDay.put(h.current().serviceCode(), h.current().definition().calendar().workingDay()));
        // one set of demo applications a day: a restart the same day finds them already there
        String day = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        List<DemoApplication> played = new ArrayList<>();
        for (Script script : scripts(workingDay)) {
            Optional<ServiceHistory> service = catalogue.history(script.service());
            if (service.isEmpty()) {
                continue;
            }
            WorkingCalendar calendar = service.get().current().definition().calendar();
            String subject = "DEMO-" + day + "-" + script.service() + "-" + script.label();
            List<IncomingStepEvent> events = new ArrayList<>();
            int n = 0;
            for (Scripted e : script.events()) {
                Instant time = calendar.subtractWorkingTime(now, e.workingTimeAgo()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                events.add(new IncomingStepEvent("1.0", subject + "-" + n++, "urn:tamroi:demo", e.type().cloudEventType(),
                        subject, time.toString(), script.service(), e.step(), e.note(), null));
            }
            List<EventOutcome> outcomes = ingest.ingest(events, Sender.demo());
            outcomes.stream().flatMap(o -> o.trackingCode().stream()).findFirst()
                    .ifPresent(code -> played.add(new DemoApplication(script.service(), script.label(), code)));
        }
        return played;
    }

    private void print(List<String> lines) {
        StringBuilder out = new StringBuilder("\n================ Tamroi demo ================\n");
        out.append("Status pages (Thai; add ?lang=en for English):\n");
        lines.forEach(l -> out.append(l).append('\n'));
        out.append("\nAgency tokens (valid 24 h; timeline-editor, event-publisher, agency-viewer), also in ")
                .append(TOKENS_FILE).append(".\nSigned with the DEMO key in config/demo-keys: never use them in production.\n");
        StringBuilder env = new StringBuilder("# Demo agency tokens, valid 24 h. Load with: source " + TOKENS_FILE + "\n");
        Set<String> agencies = new TreeSet<>();
        catalogue.all().forEach(h -> agencies.add(h.current().definition().agency()));
        for (String agency : agencies) {
            String token = Jwt.issuer("https://tamroi.local")
                    .upn("demo-officer@" + agency)
                    .groups(Set.of(Caller.TIMELINE_EDITOR, Caller.EVENT_PUBLISHER, Caller.AGENCY_VIEWER))
                    .claim("agency", agency)
                    .expiresIn(Duration.ofHours(24))
                    .sign();
            String line = "export TOKEN_" + agency.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "=" + token;
            out.append(line).append('\n');
            env.append(line).append('\n');
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(TOKENS_FILE);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, env);
        } catch (java.io.IOException e) {
            out.append("(could not write ").append(TOKENS_FILE).append(": ").append(e.getMessage()).append(")\n");
        }
        out.append("=============================================\n");
        System.out.println(out);
    }
}
