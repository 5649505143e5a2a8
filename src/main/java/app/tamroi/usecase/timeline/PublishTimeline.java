package app.tamroi.usecase.timeline;

import app.tamroi.usecase.timeline.port.SharedCalendars;
import app.tamroi.usecase.timeline.port.ServiceVersions;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * An agency publishes a service timeline. Every change is a new immutable version; the same
 * definition again publishes nothing, so a catalogue can be applied at every start.
 */
@ApplicationScoped
public class PublishTimeline {

    public record Published(String code, int version, boolean created) {
    }

    private final ServiceVersions versions;
    private final ServiceCatalogue catalogue;
    private final SharedCalendars calendars;
    private final Limits limits;
    private final Clock clock;

    public PublishTimeline(ServiceVersions versions, ServiceCatalogue catalogue, SharedCalendars calendars, Limits limits,
                           Clock clock) {
        this.limits = limits;
        this.versions = versions;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Publishes on behalf of an agency's token. */
    public Published publish(String code, TimelineDraft draft, Caller caller) {
        ServiceDefinition definition = read(code, draft);
        caller.requireAgency(definition.agency(), "the timeline you sent");
        catalogue.history(code).ifPresent(h -> caller.requireAgency(h.current().definition().agency(),
                "service '" + code + "'"));
        return publish(definition);
    }

    /** Publishes from the operator's own catalogue, which needs no token. */
    public Published publishFromCatalogue(String code, TimelineDraft draft) {
        return publish(read(code, draft));
    }

    /** What publishing the draft would publish, checked as publication checks it; stores nothing. */
    public ServiceDefinition check(String code, TimelineDraft draft) {
        return read(code, draft);
    }

    private ServiceDefinition read(String code, TimelineDraft draft) {
        if (draft == null) {
            throw new InvalidTimelineException("the body must be a service timeline");
        }
        ServiceDefinition definition = draft.toDefinition(code, calendars);
        TimelineLimits.check(definition, limits);
        return definition;
    }

    private Published publish(ServiceDefinition definition) {
        catalogue.reload();
        Optional<ServiceHistory> history = catalogue.history(definition.code());
        if (history.isPresent()) {
            ServiceHistory h = history.get();
            if (!h.current().definition().agency().equals(definition.agency())) {
                throw new InvalidTimelineException("service '" + definition.code() + "' belongs to agency '"
                        + h.current().definition().agency() + "'; its agency cannot change");
            }
            if (h.current().definition().equals(definition)) {
                return new Published(definition.code(), h.current().number(), false);
            }
        }
        int next = history.map(h -> h.current().number() + 1).orElse(1);
        if (!versions.add(definition, next, clock.instant())) {
            throw new ConcurrentPublicationException(definition.code());
        }
        catalogue.reload();
        return new Published(definition.code(), next, true);
    }
}
