package app.tamroi.usecase.importlog;

import java.time.Instant;

/**
 * One completed activity of one case, as an agency's event log file records it. {@code line} is
 * where it stands in the file, so that a refusal can say which line to fix.
 */
public record LoggedEvent(String caseId, String activity, Instant at, long line) {
}
