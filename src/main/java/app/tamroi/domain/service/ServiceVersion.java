package app.tamroi.domain.service;

import java.time.Instant;

/** A published, immutable version of a service definition. */
public record ServiceVersion(ServiceDefinition definition, int number, Instant publishedAt) {

    public ServiceVersion {
        if (definition == null || publishedAt == null || number < 1) {
            throw new IllegalArgumentException("a service version needs a definition, a number from 1 and a publication time");
        }
    }

    public String serviceCode() {
        return definition.code();
    }
}
