package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogFileTest {

    static List<LoggedEvent> read(Path file, EventLogFile.Format format) {
        return read(file, format, XesEventLogTest.BOUNDS);
    }

    static List<LoggedEvent> read(Path file, EventLogFile.Format format, EventLogBounds bounds) {
        EventTimes times = EventTimes.iso(Optional.empty());
        return new EventLogFile(bounds).read(file, format, new XesEventLog(times, bounds),
                new CsvEventLog(CsvLayout.standard(), times, bounds));
    }

    @Test
    void aGzippedCsvIsReadAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.xes");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("case:concept:name,concept:name,time:timestamp\nC1,A,2024-03-01T09:00:00Z\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(1, read(file, EventLogFile.Format.AUTO).size());
    }

    @Test
    void aTextFileGivenAsXesIsRefusedAsNotXml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.xes");
        Files.writeString(file, "case:concept:name,concept:name,time:timestamp\n");

        String message = assertThrows(InvalidEventLogException.class, () -> read(file, EventLogFile.Format.XES)).getMessage();

        assertEquals("line 1: not an XES log: not well-formed XML (Content is not allowed in prolog.)", message);
    }

    @Test
    void aSmallGzipThatUnpacksPastTheBoundIsRefusedWithoutUnpackingItAll(@TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.xes.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("<log>".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 16];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(blanks);
            }
            out.write("</log>".getBytes(StandardCharsets.UTF_8));
        }
        EventLogBounds small = new EventLogBounds(1 << 20, 1000, 200, 4096);

        String message = assertThrows(InvalidEventLogException.class,
                () -> read(bomb, EventLogFile.Format.AUTO, small)).getMessage();

        assertEquals("the log is larger than 1048576 bytes (uncompressed), the most one import reads", message);
    }

    @Test
    void aDamagedGzipIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.xes.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(XesEventLogTest.HELPDESK.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        String message = assertThrows(InvalidEventLogException.class, () -> read(file, EventLogFile.Format.AUTO)).getMessage();

        assertEquals("the file cannot be read: Unexpected end of ZLIB input stream", message);
    }

    @Test
    void anEmptyOrMissingFileIsRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.csv"));

        assertEquals("the file is empty", assertThrows(InvalidEventLogException.class,
                () -> read(empty, EventLogFile.Format.AUTO)).getMessage());
        assertEquals("not a file Tamroi can read", assertThrows(InvalidEventLogException.class,
                () -> read(dir.resolve("none.xes"), EventLogFile.Format.AUTO)).getMessage());
    }
}
