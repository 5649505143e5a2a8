package app.tamroi.adapter.in.json;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.calendar.WorkingHours;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import app.tamroi.usecase.timeline.InvalidTimelineException;
import app.tamroi.usecase.timeline.port.SharedCalendars;
import app.tamroi.usecase.timeline.TimelineDraft;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service timeline as an agency writes it (the body of {@code PUT /api/v1/services/{code}} and
 * the files in {@code config/services}), and as the API shows a published version. The calendar is
 * either written inline or names a shared calendar; a published version always keeps the calendar
 * it resolved to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineDocument(
        String code,
        String agency,
        Text name,
        Text description,
        String promise,
        JsonNode calendar,
        BigDecimal aheadFraction,
        BigDecimal atRiskFraction,
        List<StepDocument> steps) implements TimelineDraft {

    public record Text(String th, String en) {
        /** The lengths an agency may write are checked on publication (TimelineLimits), not on every read. */
        LocalizedText toDomain() {
            return new LocalizedText(th, en);
        }

        public static Text of(LocalizedText t) {
            return t == null ? null : new Text(t.th(), t.en());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepDocument(String code, Text name, String target, String owner) {
    }

    /** Turns the written form into a definition, or says in one sentence what is wrong with it. */
    @Override
    public ServiceDefinition toDefinition(String code, SharedCalendars calendars) {
        if (this.code != null && !this.code.equals(code)) {
            throw new InvalidTimelineException("the body is for service '" + this.code + "' but the address names '" + code + "'");
        }
        if (steps == null || steps.isEmpty()) {
            throw new InvalidTimelineException("a service needs at least one step");
        }
        List<Step> domainSteps = new ArrayList<>();
        for (StepDocument s : steps) {
            if (s == null) {
                throw new InvalidTimelineException("a step may not be null");
            }
            domainSteps.add(guard(() -> new Step(s.code(),
                    s.name() == null ? null : s.name().toDomain(),
                    s.target() == null ? null : WorkingDuration.parse(s.target()), owner(s.owner()))));
        }
        WorkingCalendar workingCalendar = calendar(calendars);
        return guard(() -> new ServiceDefinition(code, agency,
                name == null ? null : name.toDomain(),
                Optional.ofNullable(description).map(Text::toDomain),
                Optional.ofNullable(promise).map(WorkingDuration::parse),
                workingCalendar, aheadFraction, atRiskFraction, domainSteps));
    }

    public static TimelineDocument of(ServiceDefinition d) {
        List<StepDocument> steps = d.steps().stream()
                .map(s -> new StepDocument(s.code(), Text.of(s.name()), s.target().toString(), s.owner().name()))
                .toList();
        return new TimelineDocument(d.code(), d.agency(), Text.of(d.name()), d.description().map(Text::of).orElse(null),
                d.promise().map(WorkingDuration::toString).orElse(null), calendarNode(d.calendar()),
                d.aheadFraction(), d.atRiskFraction(), steps);
    }

    private WorkingCalendar calendar(SharedCalendars sharedCalendars) {
        if (calendar == null || calendar.isNull()) {
            throw new InvalidTimelineException("a service needs a calendar: inline, or the name of a shared calendar");
        }
        if (calendar.isTextual()) {
            return sharedCalendars.named(calendar.asText())
                    .orElseThrow(() -> new InvalidTimelineException("no shared calendar is named '" + calendar.asText() + "'"));
        }
        return calendarFrom(calendar);
    }

    /** Reads an inline calendar; shared calendar files have the same shape. */
    public static WorkingCalendar calendarFrom(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidTimelineException("a calendar is an object with zone, workingDays, workingHours and holidays");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(node.path("zone").asText(""));
        } catch (DateTimeException e) {
            throw new InvalidTimelineException("unknown time zone '" + node.path("zone").asText("") + "': use an IANA name like Asia/Bangkok");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode day : node.path("workingDays")) {
            days.add(weekday(day.asText()));
        }
        Optional<WorkingHours> hours = Optional.empty();
        JsonNode wh = node.path("workingHours");
        if (!wh.isMissingNode() && !wh.isNull()) {
            hours = Optional.of(guard(() -> new WorkingHours(time(wh.path("start").asText(null)), time(wh.path("end").asText(null)))));
        }
        Set<LocalDate> holidays = new TreeSet<>();
        JsonNode list = node.path("holidays");
        if (list.size() > 1000) {
            throw new InvalidTimelineException("a calendar lists at most 1000 holidays");
        }
        for (JsonNode h : list) {
            String text = h.isObject() ? h.path("date").asText("") : h.asText("");
            try {
                holidays.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new InvalidTimelineException("holiday '" + text + "' is not a date like 2026-12-10");
            }
        }
        Optional<WorkingHours> workingHours = hours;
        return guard(() -> new WorkingCalendar(zone, days, workingHours, holidays));
    }

    private static ObjectNode calendarNode(WorkingCalendar c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("zone", c.zone().getId());
        var days = node.putArray("workingDays");
        c.workingDays().stream().sorted().forEach(d -> days.add(d.name().substring(0, 3)));
        c.workingHours().ifPresent(h -> node.putObject("workingHours")
                .put("start", h.start().toString()).put("end", h.end().toString()));
        var holidays = node.putArray("holidays");
        c.holidays().forEach(d -> holidays.add(d.toString()));
        return node;
    }

    private static DayOfWeek weekday(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new InvalidTimelineException("unknown weekday '" + text + "': use MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidTimelineException("working hours need a start and an end like 08:30, got '" + text + "'");
        }
    }

    private static StepOwner owner(String text) {
        if (text == null) {
            return StepOwner.AGENCY;
        }
        try {
            return StepOwner.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTimelineException("a step's owner is AGENCY or CITIZEN, got '" + text + "'");
        }
    }

    /** Domain constructors say what is wrong with IllegalArgumentException; here it becomes a timeline problem. */
    private static <T> T guard(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidTimelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidTimelineException(e.getMessage());
        }
    }
}
