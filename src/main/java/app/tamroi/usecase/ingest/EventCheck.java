package app.tamroi.usecase.ingest;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.InputText;
import app.tamroi.usecase.Limits;
import app.tamroi.usecase.ingest.port.EventStore.ApplicationKey;
import app.tamroi.usecase.ingest.port.EventStore.EventKey;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether an event may enter the log, decided from the event alone, who sent it and the published
 * services: the envelope, the bounds on every text, a time neither in the future nor before the
 * earliest Tamroi keeps, a known service of the sender's agency; then, once its application is
 * known, the same service and a step of the version it follows. Nothing here reads or writes the
 * store, so every refusal can be tested on its own.
 */
final class EventCheck {

    /** An event that passed, with what it refers to resolved. */
    record CheckedEvent(IncomingStepEvent raw, ApplicationKey application, ServiceHistory service, StepEventType type,
                        Instant occurredAt) {

        EventKey key() {
            // an agency's sources are its own: another agency reusing them is not a duplicate
            return new EventKey(application.agency(), raw.source(), raw.id());
        }

        String serviceCode() {
            return service.current().serviceCode();
        }

        /** What the journey reads; its arrival order is the store's to give. */
        StepEvent stepEvent() {
            return new StepEvent(type, Optional.ofNullable(raw.step()), occurredAt, 0, Optional.ofNullable(raw.publicNote()));
        }
    }

    /** The answer of a check: the event, ready for its application, or why it is refused. */
    sealed interface Verdict permits Passed, Refused {
    }

    record Passed(CheckedEvent event) implements Verdict {
    }

    record Refused(EventProblem problem) implements Verdict {
    }

    private final Limits.Text text;
    private final Limits.Time time;
    private final Function<String, Optional<ServiceHistory>> services;

    /** @param services the published history of a service code, if it has one */
    EventCheck(Limits limits, Function<String, Optional<ServiceHistory>> services) {
        this.text = limits.text();
        this.time = limits.time();
        this.services = services;
    }

    /** Checks an event received at {@code receivedAt} (the batch's one instant) from {@code sender}. */
    Verdict check(IncomingStepEvent event, Instant receivedAt, Sender sender) {
        try {
            return new Passed(checked(event, receivedAt, sender));
        } catch (Rejection r) {
            return new Refused(r.problem);
        }
    }

    /**
     * Checks an event against its application (empty when it has none yet): the same service, and a
     * step the version it follows knows. Until the application's version is known, that is the
     * version in effect at {@code submittedInBatch}, the earliest submission of it in this batch.
     */
    static Optional<EventProblem> againstApplication(CheckedEvent c, Optional<Application> app,
                                                     Optional<Instant> submittedInBatch) {
        String serviceCode = c.serviceCode();
        if (app.isPresent() && !app.get().serviceCode().equals(serviceCode)) {
            return Optional.of(EventProblem.unprocessable("wrong-service", "The application belongs to another service",
                    "application '" + c.raw().subject() + "' is tracked under service '" + app.get().serviceCode()
                            + "', not '" + serviceCode + "'"));
        }
        if (c.raw().step() == null) {
            return Optional.empty();
        }
        ServiceVersion version = app.flatMap(Application::serviceVersion)
                .map(number -> c.service().version(number).orElseGet(c.service()::current))
                .orElseGet(() -> c.service().followedFrom(submittedInBatch));
        if (version.definition().step(c.raw().step()).isEmpty()) {
            return Optional.of(EventProblem.unprocessable("unknown-step", "Unknown step", "version " + version.number()
                    + " of service '" + serviceCode + "' has no step '" + c.raw().step() + "'"));
        }
        return Optional.empty();
    }

    private static final class Rejection extends RuntimeException {
        final transient EventProblem problem;

        Rejection(EventProblem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    private CheckedEvent checked(IncomingStepEvent e, Instant receivedAt, Sender sender) {
        if (e.malformed() != null) {
            throw new Rejection(EventProblem.invalid(e.malformed()));
        }
        if (e.specversion() == null) {
            throw new Rejection(EventProblem.invalid("specversion is required and must be 1.0"));
        }
        if (!"1.0".equals(e.specversion())) {
            throw new Rejection(EventProblem.invalid("specversion " + e.specversion() + " is not supported: send 1.0"));
        }
        required(e.id(), "id", text.maxId());
        required(e.source(), "source", text.maxId());
        required(e.type(), "type", text.maxId());
        required(e.subject(), "subject", text.maxSubject());
        required(e.time(), "time", 64);
        StepEventType type = StepEventType.fromCloudEventType(e.type()).orElseThrow(() -> new Rejection(
                EventProblem.invalid("type '" + e.type() + "' is not a Tamroi step event type: see docs/events.md")));
        Instant occurredAt = occurredAt(e, receivedAt);
        required(e.service(), "data.service", text.maxCode());
        bounded(e.publicNote(), "data.publicNote", text.maxNote());
        InputText.flawInProse(e.publicNote()).ifPresent(flaw -> {
            throw new Rejection(EventProblem.invalid("data.publicNote " + flaw));
        });
        if (type.namesStep()) {
            required(e.step(), "data.step (for " + e.type() + ")", text.maxCode());
        } else {
            bounded(e.step(), "data.step", text.maxCode());
            lineOnly(e.step(), "data.step");
        }
        ServiceHistory service = services.apply(e.service()).orElseThrow(() -> new Rejection(
                EventProblem.unprocessable("unknown-service", "Unknown service",
                        "no service '" + e.service() + "' has been published")));
        String agency = service.current().definition().agency();
        sender.caller().filter(caller -> !caller.actsFor(agency)).ifPresent(caller -> {
            throw new Rejection(EventProblem.forbidden("your token acts for agency '" + caller.agency()
                    + "', but service '" + e.service() + "' belongs to agency '" + agency + "'"));
        });
        return new CheckedEvent(e, new ApplicationKey(agency, e.subject()), service, type, occurredAt);
    }

    private Instant occurredAt(IncomingStepEvent e, Instant receivedAt) {
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(e.time()).toInstant();
        } catch (DateTimeException ex) {
            throw new Rejection(EventProblem.invalid("time '" + e.time() + "' is not an RFC 3339 timestamp like 2026-11-16T09:00:00+07:00"));
        }
        if (occurredAt.isAfter(receivedAt.plus(time.maxClockSkew()))) {
            throw new Rejection(EventProblem.unprocessable("event-in-future", "The event's time lies in the future",
                    "time " + e.time() + " is more than " + time.maxClockSkew().toMinutes()
                            + " minutes ahead of this server's clock; check the sender's clock"));
        }
        if (occurredAt.isBefore(time.earliest())) {
            throw new Rejection(EventProblem.unprocessable("event-too-early", "The event's time lies too far in the past",
                    "time " + e.time() + " lies before " + time.earliest() + ", the earliest time Tamroi keeps; "
                            + "check the sender's clock and time format"));
        }
        return occurredAt;
    }

    private static void required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new Rejection(EventProblem.invalid(name + " is required"));
        }
        bounded(value, name, max);
        lineOnly(value, name);
    }

    private static void lineOnly(String value, String name) {
        InputText.flawInLine(value).ifPresent(flaw -> {
            throw new Rejection(EventProblem.invalid(name + " " + flaw));
        });
    }

    private static void bounded(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new Rejection(EventProblem.invalid(name + " is longer than " + max + " characters"));
        }
    }
}
