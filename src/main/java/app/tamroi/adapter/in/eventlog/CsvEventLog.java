package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an event log written as CSV (UTF-8, a header row, one event a row) into its completed events. */
public final class CsvEventLog {

    private static final int COLUMNS_SHOWN = 12;

    private final CsvLayout layout;
    private final EventTimes times;
    private final EventLogBounds bounds;

    public CsvEventLog(CsvLayout layout, EventTimes times, EventLogBounds bounds) {
        this.layout = layout;
        this.times = times;
        this.bounds = bounds;
    }

    /** @throws InvalidEventLogException naming the line to fix */
    public List<LoggedEvent> read(InputStream in) {
        CsvRecords records = new CsvRecords(utf8(in), layout.delimiter(), bounds.maxCsvRecordLength());
        try {
            return read(records);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw InvalidEventLogException.at(records.lineNow(), "the file is not UTF-8 text");
            }
            throw e;
        }
    }

    private List<LoggedEvent> read(CsvRecords records) {
        List<String> header = records.next();
        if (header == null) {
            throw new InvalidEventLogException("the file is empty: a CSV event log starts with a header row");
        }
        int caseAt = column(header, layout.caseColumn(), "case");
        int activityAt = column(header, layout.activityColumn(), "activity");
        int timeAt = column(header, layout.timeColumn(), "timestamp");
        int lifecycleAt = layout.lifecycleColumn().map(c -> column(header, c, "lifecycle"))
                .orElseGet(() -> indexOf(header, CsvLayout.LIFECYCLE));

        List<LoggedEvent> events = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        List<String> row;
        while ((row = records.next()) != null) {
            long line = records.line();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw InvalidEventLogException.at(line, "the row has " + row.size() + " fields, the header " + header.size());
            }
            if (lifecycleAt >= 0 && !Lifecycle.counts(value(row, lifecycleAt, header, line))) {
                continue;
            }
            String caseId = required(row, caseAt, header, line);
            String activity = required(row, activityAt, header, line);
            Instant at = time(required(row, timeAt, header, line), header.get(timeAt), line);
            if (events.size() == bounds.maxEvents()) {
                throw InvalidEventLogException.at(line, "the log holds more than " + bounds.maxEvents()
                        + " completed events, the most one import takes");
            }
            // a log repeats its case ids and activities thousands of times: keep one copy of each
            events.add(new LoggedEvent(shared.computeIfAbsent(caseId, k -> k), shared.computeIfAbsent(activity, k -> k), at, line));
        }
        return events;
    }

    /** Strictly UTF-8 (a byte that is not is refused, never read as a question mark), a leading BOM skipped. */
    private static Reader utf8(InputStream in) {
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static int indexOf(List<String> header, String name) {
        int at = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equals(name)) {
                if (at >= 0) {
                    throw InvalidEventLogException.at(1, "the header names column '" + name + "' twice");
                }
                at = i;
            }
        }
        return at;
    }

    private static int column(List<String> header, String name, String what) {
        int at = indexOf(header, name);
        if (at < 0) {
            List<String> shown = header.subList(0, Math.min(header.size(), COLUMNS_SHOWN));
            throw InvalidEventLogException.at(1, "the header has no " + what + " column '" + name + "' (it has "
                    + String.join(", ", shown) + (header.size() > COLUMNS_SHOWN ? ", …" : "") + ")");
        }
        return at;
    }

    private String value(List<String> row, int at, List<String> header, long line) {
        String v = row.get(at);
        if (v.length() > bounds.maxValueLength()) {
            throw InvalidEventLogException.at(line, "the value in column '" + header.get(at) + "' is longer than "
                    + bounds.maxValueLength() + " characters");
        }
        return v;
    }

    private String required(List<String> row, int at, List<String> header, long line) {
        String v = value(row, at, header, line).trim();
        if (v.isEmpty()) {
            throw InvalidEventLogException.at(line, "column '" + header.get(at) + "' is empty");
        }
        return v;
    }

    private Instant time(String text, String column, long line) {
        try {
            return times.parse(text);
        } catch (DateTimeException e) {
            throw InvalidEventLogException.at(line, "in column '" + column + "', " + e.getMessage());
        }
    }

    static Optional<Character> delimiter(String text) {
        if ("\\t".equals(text) || "tab".equalsIgnoreCase(text) || "\t".equals(text)) {
            return Optional.of('\t');
        }
        return text.length() == 1 && text.charAt(0) != '"' && text.charAt(0) != '\n' && text.charAt(0) != '\r'
                ? Optional.of(text.charAt(0)) : Optional.empty();
    }
}
