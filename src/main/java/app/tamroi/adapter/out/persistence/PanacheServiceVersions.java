package app.tamroi.adapter.out.persistence;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.timeline.port.ServiceVersions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

@ApplicationScoped
public class PanacheServiceVersions implements ServiceVersions {

    private static final Logger LOG = Logger.getLogger(PanacheServiceVersions.class);

    private final ObjectMapper json;
    private final ObjectMapper reader;
    /** Each unreadable row is reported once, not at every reload of the catalogue. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public PanacheServiceVersions(ObjectMapper json) {
        this.json = json;
        this.reader = StoredDefinition.reader(json);
    }

    /**
     * Every version that can be read. One that cannot (written by hand, or by an older Tamroi with
     * looser rules) is logged and left out: it must never take the whole catalogue down with it.
     */
    @Override
    @Transactional
    public List<ServiceVersion> all() {
        List<ServiceVersion> readable = new ArrayList<>();
        for (ServiceVersionEntity e : ServiceVersionEntity.<ServiceVersionEntity>listAll(Sort.by("serviceCode").and("version"))) {
            try {
                readable.add(toDomain(e));
            } catch (JsonProcessingException | RuntimeException ex) {
                if (reported.add(e.serviceCode + " v" + e.version)) {
                    LOG.errorf("version %d of service '%s' cannot be read and is left out of the catalogue: %s",
                            e.version, e.serviceCode, ex.getMessage());
                }
            }
        }
        return readable;
    }

    @Override
    @Transactional
    public boolean add(ServiceDefinition definition, int number, Instant publishedAt) {
        String document;
        try {
            document = json.writeValueAsString(StoredDefinition.of(definition));
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

    private ServiceVersion toDomain(ServiceVersionEntity e) throws JsonProcessingException {
        return new ServiceVersion(StoredDefinition.read(reader, e.definition).toDefinition(), e.version, e.publishedAt);
    }
}
