package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.calendar.WorkingHours;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A published definition as it is kept in {@code service_version.definition}: a format of its own,
 * apart from the API's document, so that tightening what the API accepts never makes an old version
 * unreadable. Written so that it always reads back: fractions as strings, because jsonb rewrites a
 * number like 1e-1500 with all its digits, longer than a JSON reader accepts. Read leniently: it
 * was checked when it was published, so only what the domain itself refuses makes a row
 * unreadable; fields it does not know are ignored, and rows written before the format had a number
 * (format 1) have the same shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredDefinition(
        Integer format,
        String code,
        String agency,
        StoredText name,
        StoredText description,
        String promise,
        StoredCalendar calendar,
        String aheadFraction,
        String atRiskFraction,
        List<StoredStep> steps) {

    static final int FORMAT = 2;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredText(String th, String en) {
        static StoredText of(LocalizedText t) {
            return new StoredText(t.th(), t.en());
        }

        LocalizedText toDomain() {
            return new LocalizedText(th, en);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredStep(String code, StoredText name, String target, String owner) {
        static StoredStep of(Step s) {
            return new StoredStep(s.code(), StoredText.of(s.name()), s.target().toString(), s.owner().name());
        }

        Step toDomain() {
            return new Step(code, name == null ? null : name.toDomain(), target == null ? null : WorkingDuration.parse(target),
                    owner == null ? StepOwner.AGENCY : StepOwner.valueOf(owner.trim().toUpperCase(Locale.ROOT)));
        }
    }

    /** A calendar as it was resolved at publication: weekdays by their first three letters, holidays as dates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredCalendar(String zone, List<String> workingDays, StoredHours workingHours, List<JsonNode> holidays) {
        static StoredCalendar of(WorkingCalendar c) {
            return new StoredCalendar(c.zone().getId(),
                    c.workingDays().stream().sorted().map(d -> d.name().substring(0, 3)).toList(),
                    c.workingHours().map(h -> new StoredHours(h.start().toString(), h.end().toString())).orElse(null),
                    c.holidays().stream().map(d -> (JsonNode) TextNode.valueOf(d.toString()))
                            .toList());
        }

        WorkingCalendar toDomain() {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : workingDays == null ? List.<String>of() : workingDays) {
                days.add(weekday(day));
            }
            Set<LocalDate> dates = new TreeSet<>();
            for (JsonNode h : holidays == null ? List.<JsonNode>of() : holidays) {
                // a date, or (as an agency may write it) an object with its date and name
                dates.add(LocalDate.parse(h.isObject() ? h.path("date").asText() : h.asText()));
            }
            return new WorkingCalendar(ZoneId.of(zone), days,
                    Optional.ofNullable(workingHours).map(h -> new WorkingHours(LocalTime.parse(h.start()), LocalTime.parse(h.end()))),
                    dates);
        }

        private static DayOfWeek weekday(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            return Arrays.stream(DayOfWeek.values()).filter(d -> t.length() >= 3 && d.name().startsWith(t)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown weekday '" + text + "'"));
        }
    }

    record StoredHours(String start, String end) {
    }

    static StoredDefinition of(ServiceDefinition d) {
        return new StoredDefinition(FORMAT, d.code(), d.agency(), StoredText.of(d.name()), d.description().map(StoredText::of).orElse(null),
                d.promise().map(WorkingDuration::toString).orElse(null), StoredCalendar.of(d.calendar()),
                plain(d.aheadFraction()), plain(d.atRiskFraction()), d.steps().stream().map(StoredStep::of).toList());
    }

    ServiceDefinition toDefinition() {
        if (calendar == null) {
            throw new IllegalArgumentException("a stored version keeps its calendar");
        }
        return new ServiceDefinition(code, agency, name == null ? null : name.toDomain(),
                Optional.ofNullable(description).map(StoredText::toDomain), Optional.ofNullable(promise).map(WorkingDuration::parse),
                calendar.toDomain(), fraction(aheadFraction), fraction(atRiskFraction),
                steps == null ? null : steps.stream().map(StoredStep::toDomain).toList());
    }

    /** The mapper rows are read with: as forgiving as a stored row needs, however long its numbers. */
    static ObjectMapper reader(ObjectMapper base) {
        ObjectMapper mapper = base.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build());
        return mapper;
    }

    static StoredDefinition read(ObjectMapper reader, String json) throws JsonProcessingException {
        return reader.readValue(json, StoredDefinition.class);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal fraction(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
    }
}
