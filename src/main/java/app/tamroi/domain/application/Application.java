package app.tamroi.domain.application;

import java.time.Instant;
import java.util.Optional;

/**
 * One application an agency tracks, known by the agency's own id (the subject) and, to the
 * citizen, by its tracking code. Which service version it follows is derived from its submission.
 */
public record Application(long id, String agency, String subject, String serviceCode, TrackingCode trackingCode,
                          Instant createdAt, Optional<Integer> serviceVersion) {
}
