package app.tamroi.usecase.timeline.port;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import java.time.Instant;
import java.util.List;

/** Where published versions are kept. */
public interface ServiceVersions {

    List<ServiceVersion> all();

    /** Stores a version; false when that number was taken meanwhile (another instance published). */
    boolean add(ServiceDefinition definition, int number, Instant publishedAt);
}
