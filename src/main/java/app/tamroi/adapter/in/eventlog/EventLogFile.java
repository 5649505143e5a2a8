package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens an event log file, whatever its name says: gzip is known by its magic bytes, XES by the
 * {@code <} its text begins with, anything else is read as CSV (unless the format is given). Every
 * byte read is counted after decompression, so neither a large file nor a small gzip that unpacks
 * to gigabytes gets past the bound.
 */
public final class EventLogFile {

    public enum Format { AUTO, XES, CSV }

    private static final int SNIFF = 8192;

    private final EventLogBounds bounds;

    public EventLogFile(EventLogBounds bounds) {
        this.bounds = bounds;
    }

    /** @throws InvalidEventLogException when the file cannot be read, or is not an event log of the format */
    public List<LoggedEvent> read(Path file, Format format, XesEventLog xes, CsvEventLog csv) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidEventLogException("not a file Tamroi can read");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            CountedInput counted = new CountedInput(decompressed(new BufferedInputStream(raw)), bounds.maxBytes());
            BufferedInputStream in = new BufferedInputStream(counted, SNIFF);
            try {
                Format actual = format == Format.AUTO ? sniff(in) : format;
                return actual == Format.XES ? xes.read(in) : csv.read(in);
            } catch (IOException | RuntimeException e) {
                if (counted.exceeded) {
                    throw tooLarge();
                }
                if (counted.failure != null) {
                    throw unreadable(counted.failure);
                }
                if (e instanceof UncheckedIOException io) {
                    throw unreadable(io.getCause());
                }
                if (e instanceof IOException io) {
                    throw unreadable(io);
                }
                throw (RuntimeException) e;
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private InvalidEventLogException tooLarge() {
        return new InvalidEventLogException("the log is larger than " + bounds.maxBytes()
                + " bytes (uncompressed), the most one import reads");
    }

    /** Says what failed; the file's name is the caller's to put before it. */
    private static InvalidEventLogException unreadable(IOException e) {
        return new InvalidEventLogException("the file cannot be read: " + e.getMessage(), e);
    }

    private static InputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }

    /** XES when the text begins with {@code <} (after a byte order mark and blanks), else CSV. */
    static Format sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        try {
            int i = 0;
            int b = in.read();
            if (b == 0xEF) {
                in.read();
                in.read();
                b = in.read();
                i = 3;
            }
            while (b != -1 && i++ < SNIFF - 4 && (b == ' ' || b == '\t' || b == '\r' || b == '\n')) {
                b = in.read();
            }
            if (b == -1) {
                throw new InvalidEventLogException("the file is empty");
            }
            return b == '<' ? Format.XES : Format.CSV;
        } finally {
            in.reset();
        }
    }

    public static Format format(String text) {
        try {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventLogException("--format is auto, xes or csv, not '" + text + "'");
        }
    }

    /**
     * Counts what passes and fails once past the bound; {@code exceeded} and {@code failure} tell a
     * file too large or unreadable (a damaged gzip) from a fault in its content.
     */
    private static final class CountedInput extends FilterInputStream {
        private final long max;
        private long count;
        boolean exceeded;
        IOException failure;

        CountedInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                // a parser may report a failed read as a document cut short: keep the real reason
                failure = e;
                throw e;
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new IOException("more than " + max + " bytes");
            }
        }
    }
}
