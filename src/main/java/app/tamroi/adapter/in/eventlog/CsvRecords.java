package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a CSV file as RFC 4180 writes them: a delimiter between fields, double quotes around a
 * field that holds a delimiter, a quote or a line break, a quote inside doubled. Each record is
 * bounded, so a file without line breaks cannot fill the memory.
 */
final class CsvRecords {

    private final Reader in;
    private final char delimiter;
    private final int maxRecordLength;
    private long line = 1;
    private long recordLine;
    private int pending = -2;

    CsvRecords(Reader in, char delimiter, int maxRecordLength) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordLength = maxRecordLength;
    }

    /** The line the last record returned began on. */
    long line() {
        return recordLine;
    }

    /** The line being read. */
    long lineNow() {
        return line;
    }

    /** The next record, or null at the end of the file. */
    List<String> next() {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean closedQuote = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw InvalidEventLogException.at(recordLine, "a quoted field is never closed");
                }
                fields.add(field.toString());
                return fields;
            }
            if (++length > maxRecordLength) {
                throw InvalidEventLogException.at(recordLine, "the record is longer than " + maxRecordLength + " characters");
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        closedQuote = true;
                        c = after;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else if (closedQuote) {
                throw InvalidEventLogException.at(recordLine, "a quoted field must be followed by the delimiter or the end of the line");
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(ch);
            }
            c = read();
        }
    }

    private int read() {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pending = c;
    }
}
