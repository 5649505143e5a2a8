package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.usecase.timeline.TimelineDocument;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A published definition as it is kept in {@code service_version.definition}, apart from the API's
 * document so that tightening what the API accepts never makes an old version unreadable. Written
 * so that it always reads back: fractions as strings, because jsonb rewrites a number like 1e-1500
 * with all its digits, longer than a JSON reader accepts. Read leniently: fields it does not know
 * are ignored, and rows written before the format had a number (format 1) have the same shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredDefinition(
        Integer format,
        String code,
        String agency,
        TimelineDocument.Text name,
        TimelineDocument.Text description,
        String promise,
        JsonNode calendar,
        String aheadFraction,
        String atRiskFraction,
        List<TimelineDocument.StepDocument> steps) {

    static final int FORMAT = 2;

    static StoredDefinition of(ServiceDefinition definition) {
        TimelineDocument d = TimelineDocument.of(definition);
        return new StoredDefinition(FORMAT, d.code(), d.agency(), d.name(), d.description(), d.promise(), d.calendar(),
                plain(d.aheadFraction()), plain(d.atRiskFraction()), d.steps());
    }

    ServiceDefinition toDefinition() {
        // a stored version names no shared calendar: it keeps the calendar it resolved to
        return new TimelineDocument(code, agency, name, description, promise, calendar, fraction(aheadFraction),
                fraction(atRiskFraction), steps).toDefinition(sharedName -> Optional.empty());
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
