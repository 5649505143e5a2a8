package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.timeline.ServiceVersions;
import app.tamroi.usecase.timeline.TimelineDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PanacheServiceVersions implements ServiceVersions {

    private final ObjectMapper json;

    public PanacheServiceVersions(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    public List<ServiceVersion> all() {
        return ServiceVersionEntity.<ServiceVersionEntity>listAll(Sort.by("serviceCode").and("version"))
                .stream().map(this::toDomain).toList();
    }

    @Override
    @Transactional
    public boolean add(ServiceDefinition definition, int number, Instant publishedAt) {
        String document;
        try {
            document = json.writeValueAsString(TimelineDocument.of(definition));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a service definition", ex);
        }
        // a number taken meanwhile by another instance is an answer, not an error
        int added = ServiceVersionEntity.getEntityManager().createNativeQuery("""
                insert into service_version (service_code, version, agency, definition, published_at)
                values (?1, ?2, ?3, cast(?4 as jsonb), ?5) on conflict do nothing""")
                .setParameter(1, definition.code())
                .setParameter(2, number)
                .setParameter(3, definition.agency())
                .setParameter(4, document)
                .setParameter(5, java.time.OffsetDateTime.ofInstant(publishedAt, java.time.ZoneOffset.UTC))
                .executeUpdate();
        return added == 1;
    }

    private ServiceVersion toDomain(ServiceVersionEntity e) {
        try {
            TimelineDocument doc = json.readValue(e.definition, TimelineDocument.class);
            return new ServiceVersion(doc.toDefinition(name -> Optional.empty()), e.version, e.publishedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored definition of " + e.serviceCode + " v" + e.version + " is unreadable", ex);
        }
    }
}
