package app.tamroi.support.inmem;

import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.timeline.port.ServiceVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Published versions in memory; a number is taken once, as the table's key takes it. */
public final class InMemServiceVersions implements ServiceVersions {

    private final List<ServiceVersion> versions = new ArrayList<>();

    @Override
    public synchronized List<ServiceVersion> all() {
        return List.copyOf(versions);
    }

    @Override
    public synchronized boolean add(ServiceDefinition definition, int number, Instant publishedAt) {
        if (versions.stream().anyMatch(v -> v.serviceCode().equals(definition.code()) && v.number() == number)) {
            return false;
        }
        versions.add(new ServiceVersion(definition, number, publishedAt));
        return true;
    }
}
