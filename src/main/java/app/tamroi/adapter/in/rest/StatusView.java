package app.tamroi.adapter.in.rest;

import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepProgress;
import app.tamroi.domain.service.Agency;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.adapter.in.json.TimelineDocument;
import app.tamroi.usecase.track.TrackedApplication;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The status as the API shows it: the fixture's field names, minutes rounded, instants in the
 * service's own time zone. No personal data: the citizen view carries only the journey.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record StatusView(
        String trackingCode,
        ServiceRef service,
        String asOf,
        String status,
        String scheduleStatus,
        boolean atRisk,
        String currentStep,
        long elapsedMinutes,
        long promiseMinutes,
        long minutesInCurrentStep,
        long remainingMinutes,
        long slackMinutes,
        String expectedBy,
        String promisedBy,
        ForecastView forecast,
        Long varianceMinutes,
        String submittedAt,
        String endedAt,
        String publicNote,
        List<StepView> steps) {

    public record ServiceRef(String code, TimelineDocument.Text name, int version, AgencyRef agency) {
    }

    /** Whose service it is, as the operator names the agency (not as the agency's timeline says). */
    public record AgencyRef(String code, TimelineDocument.Text name) {
        public static AgencyRef of(Agency agency) {
            return new AgencyRef(agency.code(), TimelineDocument.Text.of(agency.name()));
        }
    }

    /**
     * When similar applications were done: absent once ended; the dates absent while the clock is
     * stopped. Minutes are working minutes from {@code asOf}.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ForecastView(String basis, String p50By, String p80By, long p50RemainingMinutes,
                               long p80RemainingMinutes, long sampleSize, int windowDays) {

        static ForecastView of(TrackedApplication tracked, ZoneId zone) {
            return tracked.forecast().map(f -> new ForecastView(f.basis().name(), time(tracked.p50By(), zone),
                    time(tracked.p80By(), zone), f.p50RemainingMinutes(), f.p80RemainingMinutes(), f.sampleSize(),
                    f.windowDays())).orElse(null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record StepView(String code, TimelineDocument.Text name, String owner, String state, String target,
                           long targetMinutes, long actualMinutes, String startedAt, String endedAt) {
    }

    public record EventView(String source, String id, String type, String step, String time, String receivedAt,
                            String channel, String publicNote) {
    }

    public record AgencyView(String agency, String subject, StatusView status, List<EventView> events) {
    }

    public static StatusView of(TrackedApplication tracked) {
        JourneyStatus s = tracked.status();
        JourneyStatus.Clock clock = s.clock();
        JourneyStatus.Schedule schedule = s.schedule();
        ServiceVersion version = s.serviceVersion();
        ZoneId zone = version.definition().calendar().zone();
        List<StepView> steps = s.steps().stream().map(p -> step(p, zone)).toList();
        return new StatusView(tracked.application().trackingCode().grouped(),
                new ServiceRef(version.serviceCode(), TimelineDocument.Text.of(version.definition().name()), version.number(),
                        AgencyRef.of(tracked.agency())),
                time(s.asOf(), zone), s.status().name(), schedule.status().name(), schedule.atRisk(),
                s.currentStep().map(c -> c.step().code()).orElse(null),
                clock.elapsedMinutes(), clock.promiseMinutes(), s.minutesInCurrentStep(), schedule.remainingMinutes(),
                schedule.slackMinutes(), time(schedule.expectedBy(), zone), time(schedule.promisedBy(), zone),
                ForecastView.of(tracked, zone), s.outcome().map(JourneyStatus.Outcome::varianceMinutes).orElse(null),
                time(clock.submittedAt(), zone), time(s.outcome().map(JourneyStatus.Outcome::endedAt), zone),
                s.publicNote().orElse(null), steps);
    }

    public static AgencyView forAgency(TrackedApplication tracked) {
        ZoneId zone = tracked.status().serviceVersion().definition().calendar().zone();
        List<EventView> events = tracked.events().stream().map(e -> event(e, zone)).toList();
        return new AgencyView(tracked.application().agency(), tracked.application().subject(), of(tracked), events);
    }

    private static StepView step(StepProgress p, ZoneId zone) {
        return new StepView(p.step().code(), TimelineDocument.Text.of(p.step().name()), p.step().owner().name(),
                p.state().name(), p.step().target().toString(), JourneyStatus.minutes(p.planned()),
                JourneyStatus.minutes(p.actual()), time(p.startedAt(), zone), time(p.endedAt(), zone));
    }

    private static EventView event(RecordedEvent e, ZoneId zone) {
        return new EventView(e.source(), e.id(), e.event().type().cloudEventType(), e.event().step().orElse(null),
                time(e.event().occurredAt(), zone), time(e.receivedAt(), zone), e.channel(),
                e.event().publicNote().orElse(null));
    }

    static String time(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> time(i, zone)).orElse(null);
    }

    static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
}
