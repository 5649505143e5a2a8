package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportLogArgumentsTest {

    private static String refusal(String... args) {
        return assertThrows(InvalidEventLogException.class, () -> ImportLogArguments.parse(List.of(args))).getMessage();
    }

    @Test
    void anImportThatPublishesItsServiceFromTheLog() {
        ImportLogArguments a = ImportLogArguments.parse(List.of("helpdesk.xes.gz", "--service", "helpdesk", "--publish",
                "--agency=it-support", "--calendar", "24x7", "--rejected", "INVALID,DUPLICATE", "--withdrawn", "Cancelled",
                "--rejected", "Refused", "--batch", "250"));

        assertEquals(Path.of("helpdesk.xes.gz"), a.file());
        assertEquals("helpdesk", a.request().service());
        assertTrue(a.request().publish());
        assertEquals(Optional.of("it-support"), a.request().agency());
        assertEquals(Optional.of("24x7"), a.request().calendar());
        assertEquals(Set.of("INVALID", "DUPLICATE", "Refused"), a.request().endings().rejected());
        assertEquals(Set.of("Cancelled"), a.request().endings().withdrawn());
        assertEquals(250, a.batchSize());
        assertEquals(EventLogFile.Format.AUTO, a.format());
    }

    @Test
    void aCsvImportNamesItsColumnsAndItsTimes() {
        ImportLogArguments a = ImportLogArguments.parse(List.of("--service", "permits", "permits.csv", "--case", "Case ID",
                "--activity", "Activity", "--timestamp", "Complete Timestamp", "--delimiter", "tab",
                "--time-format", "yyyy/MM/dd HH:mm:ss", "--zone", "Europe/Amsterdam", "--case-prefix", "wabo-", "--check"));

        assertEquals(new CsvLayout("Case ID", "Activity", "Complete Timestamp", Optional.empty(), '\t'), a.csv());
        assertEquals(Instant.parse("2015-07-01T07:30:00Z"), a.times().parse("2015/07/01 09:30:00"));
        assertEquals("wabo-", a.request().subjectPrefix());
        assertTrue(a.checkOnly());
        assertEquals(ImportLogArguments.DEFAULT_BATCH, a.batchSize());
    }

    @Test
    void argumentsThatCannotWorkAreRefusedBeforeAnyFileIsOpened() {
        assertEquals("--service CODE is required: the service the log's cases are applications of", refusal("log.xes"));
        assertEquals("name the event log FILE to import", refusal("--service", "s"));
        assertEquals("unknown option --servce", refusal("log.xes", "--servce", "s"));
        assertEquals("--calendar describes a timeline to publish: add --publish", refusal("log.xes", "--service", "s",
                "--calendar", "24x7"));
        assertEquals("--batch is a number from 1 to 1000, not '5000'", refusal("log.xes", "--service", "s", "--batch", "5000"));
        assertEquals("--zone 'Bangkok' is not a time zone: use an IANA name like Asia/Bangkok or UTC",
                refusal("log.xes", "--service", "s", "--zone", "Bangkok"));
        assertEquals("activity 'Stop' cannot end a case both as a rejection and as a withdrawal",
                refusal("log.xes", "--service", "s", "--rejected", "Stop", "--withdrawn", "Stop"));
        assertEquals("--format is auto, xes or csv, not 'json'", refusal("log.xes", "--service", "s", "--format", "json"));
        assertEquals("--service is given twice", refusal("log.xes", "--service", "s", "--service", "t"));
        assertEquals("--mapping needs a value", refusal("log.xes", "--service", "s", "--mapping"));
    }
}
