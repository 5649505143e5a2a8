package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.Limits;

/** How much of a file a reader takes before it refuses it (see {@link Limits.ImportLog}). */
public record EventLogBounds(long maxBytes, int maxEvents, int maxValueLength, int maxCsvRecordLength) {

    public static EventLogBounds of(Limits.ImportLog limits) {
        return new EventLogBounds(limits.maxBytes(), limits.maxEvents(), limits.maxValueLength(), limits.maxCsvRecordLength());
    }
}
