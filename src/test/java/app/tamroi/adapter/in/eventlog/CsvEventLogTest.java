package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvEventLogTest {

    static List<LoggedEvent> read(CsvLayout layout, EventTimes times, byte[] csv) {
        return new CsvEventLog(layout, times, XesEventLogTest.BOUNDS).read(new ByteArrayInputStream(csv));
    }

    static List<LoggedEvent> read(String csv) {
        return read(CsvLayout.standard(), EventTimes.iso(Optional.empty()), csv.getBytes(StandardCharsets.UTF_8));
    }

    static String refusal(String csv) {
        return assertThrows(InvalidEventLogException.class, () -> read(csv)).getMessage();
    }

    @Test
    void eachRowIsAnActivityOfItsCaseAndOnlyCompletionsCount() {
        List<LoggedEvent> events = read("""
                \uFEFFcase:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource
                C1,Register,2024-03-01T09:00:00+07:00,complete,clerk
                C1,Check,2024-03-01 10:00:00+07:00,start,clerk
                C1,Check,2024-03-01T11:00:00.5Z,COMPLETE,"Somchai, senior"
                "C 2","Check ""twice""
                again",2024-03-02T00:00:00Z,,"a note"

                """);

        assertEquals(List.of(
                new LoggedEvent("C1", "Register", Instant.parse("2024-03-01T02:00:00Z"), 2),
                new LoggedEvent("C1", "Check", Instant.parse("2024-03-01T11:00:00.5Z"), 4),
                new LoggedEvent("C 2", "Check \"twice\"\nagain", Instant.parse("2024-03-02T00:00:00Z"), 5)), events);
    }

    @Test
    void columnsDelimiterAndTimesAreTheOnesTheOperatorNames() {
        CsvLayout layout = new CsvLayout("Aanvraag", "Activiteit", "Tijd", Optional.of("Status"), ';');
        EventTimes times = EventTimes.pattern("dd-MM-yyyy HH:mm", Optional.of(ZoneId.of("Europe/Amsterdam")));

        List<LoggedEvent> events = read(layout, times, """
                Tijd;Aanvraag;Activiteit;Status
                01-07-2015 09:30;A-17;Ontvangst;voltooid
                01-07-2015 10:00;A-17;Beoordeling;complete
                """.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new LoggedEvent("A-17", "Beoordeling", Instant.parse("2015-07-01T08:00:00Z"), 3)), events);
    }

    @Test
    void aMissingColumnIsRefusedNamingTheColumnsTheHeaderHas() {
        assertEquals("line 1: the header has no timestamp column 'time:timestamp' (it has case:concept:name, concept:name, when)",
                refusal("case:concept:name,concept:name,when\nC1,Register,2024-03-01T09:00:00Z\n"));
    }

    @Test
    void aTimeThatCannotBeReadIsRefusedAtItsLine() {
        assertEquals("line 3: in column 'time:timestamp', '2024-13-01T09:00:00Z' is not a time in ISO-8601 like "
                        + "2012-10-09T14:50:17+00:00",
                refusal("case:concept:name,concept:name,time:timestamp\nC1,A,2024-03-01T09:00:00Z\nC1,B,2024-13-01T09:00:00Z\n"));
    }

    @Test
    void aTimeWithoutOffsetNeedsAZone() {
        assertEquals("line 2: in column 'time:timestamp', '2024-03-01T09:00:00' has no offset from UTC: give the zone the log "
                + "was kept in", refusal("case:concept:name,concept:name,time:timestamp\nC1,A,2024-03-01T09:00:00\n"));
    }

    @Test
    void rowsThatDoNotFitTheHeaderAreRefusedAtTheirLine() {
        String header = "case:concept:name,concept:name,time:timestamp\n";

        assertEquals("line 3: the row has 2 fields, the header 3", refusal(header + "C1,A,2024-03-01T09:00:00Z\nC1,B\n"));
        assertEquals("line 2: column 'concept:name' is empty", refusal(header + "C1, ,2024-03-01T09:00:00Z\n"));
        assertEquals("line 2: a quoted field is never closed", refusal(header + "C1,\"A,2024-03-01T09:00:00Z\n"));
        assertEquals("line 2: a quoted field must be followed by the delimiter or the end of the line",
                refusal(header + "C1,\"A\"x,2024-03-01T09:00:00Z\n"));
    }

    @Test
    void anEmptyFileOrOneThatIsNotUtf8IsRefused() {
        assertEquals("the file is empty: a CSV event log starts with a header row", refusal(""));
        byte[] latin1 = "case:concept:name,concept:name,time:timestamp\nC1,Caf\u00e9,2024-03-01T09:00:00Z\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("line 2: the file is not UTF-8 text", assertThrows(InvalidEventLogException.class,
                () -> read(CsvLayout.standard(), EventTimes.iso(Optional.empty()), latin1)).getMessage());
    }

    @Test
    void recordsAndValuesPastTheirBoundsAreRefused() {
        String header = "case:concept:name,concept:name,time:timestamp\n";

        assertEquals("line 2: the value in column 'concept:name' is longer than 200 characters",
                refusal(header + "C1," + "a".repeat(201) + ",2024-03-01T09:00:00Z\n"));
        assertEquals("line 2: the record is longer than 4096 characters",
                refusal(header + "\"" + "a".repeat(5000) + "\n"));
    }
}
