package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XesEventLogTest {

    static final EventLogBounds BOUNDS = new EventLogBounds(1 << 20, 1000, 200, 4096);

    static final String HELPDESK = """
            <?xml version="1.0" encoding="utf-8" ?>
            <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
              <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext" />
              <global scope="event"><string key="concept:name" value="__INVALID__" /></global>
              <string key="concept:name" value="the log's own name, not a case" />
              <trace>
                <string key="concept:name" value="Case 1" />
                <event>
                  <string key="concept:name" value="Assign seriousness" />
                  <date key="time:timestamp" value="2012-10-09T14:50:17+00:00" />
                </event>
                <event>
                  <string key="concept:name" value="Take in charge ticket" />
                  <string key="lifecycle:transition" value="start" />
                  <date key="time:timestamp" value="2012-10-09T14:51:00+00:00" />
                </event>
                <event>
                  <string key="concept:name" value="Take in charge ticket" />
                  <string key="lifecycle:transition" value="complete" />
                  <date key="time:timestamp" value="2012-10-09T16:51:01.250+02:00" />
                  <list key="details"><string key="concept:name" value="nested, not the activity" /></list>
                </event>
              </trace>
              <trace>
                <event>
                  <string key="concept:name" value="Closed" />
                  <date key="time:timestamp" value="2012-10-10T08:00:00Z" />
                </event>
                <string key="concept:name" value="Case 2" />
              </trace>
            </log>
            """;

    static List<LoggedEvent> read(String xml) {
        return new XesEventLog(EventTimes.iso(Optional.empty()), BOUNDS)
                .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String refusal(String xml) {
        return assertThrows(InvalidEventLogException.class, () -> read(xml)).getMessage();
    }

    @Test
    void eachTraceIsACaseAndEachCompletedEventAnActivityDoneAtItsTime() {
        List<LoggedEvent> events = read(HELPDESK);

        assertEquals(List.of(
                new LoggedEvent("Case 1", "Assign seriousness", Instant.parse("2012-10-09T14:50:17Z"), 8),
                new LoggedEvent("Case 1", "Take in charge ticket", Instant.parse("2012-10-09T14:51:01.250Z"), 17),
                new LoggedEvent("Case 2", "Closed", Instant.parse("2012-10-10T08:00:00Z"), 25)), events);
    }

    @Test
    void aLogIsReadByItsContentWhateverItsNameAndGzipByItsMagicBytes(@TempDir Path dir) throws Exception {
        Path gzipped = dir.resolve("export.csv");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(HELPDESK.getBytes(StandardCharsets.UTF_8));
        }
        Path withBom = dir.resolve("log.gz");
        Files.writeString(withBom, "\uFEFF" + HELPDESK);
        Path withoutDeclaration = dir.resolve("log.csv");
        Files.writeString(withoutDeclaration, "\n  " + HELPDESK.substring(HELPDESK.indexOf("<log")));

        assertEquals(read(HELPDESK), EventLogFileTest.read(gzipped, EventLogFile.Format.AUTO));
        assertEquals(3, EventLogFileTest.read(withBom, EventLogFile.Format.AUTO).size());
        assertEquals(3, EventLogFileTest.read(withoutDeclaration, EventLogFile.Format.AUTO).size());
    }

    @Test
    void aFileThatIsNotXmlIsRefusedWithWhereItBreaks() {
        String message = refusal("Case,Activity,Time\n1,A,2024-01-01T00:00:00Z\n");

        assertEquals("line 1: not an XES log: not well-formed XML (Content is not allowed in prolog.)", message);
    }

    @Test
    void xmlThatIsNotAnXesLogIsRefused() {
        assertEquals("line 1: not an XES log: its root element is <html>, not <log>", refusal("<html><body/></html>"));
    }

    @Test
    void aLogCutShortIsRefused() {
        String cut = HELPDESK.substring(0, HELPDESK.indexOf("<trace>", HELPDESK.indexOf("</trace>")));

        assertTrue(refusal(cut).contains("not well-formed XML"), refusal(cut));
    }

    @Test
    void entityExpansionIsRefusedBeforeAnyEntityIsExpanded() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE log [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <log><trace><string key="concept:name" value="&lol3;"/></trace></log>
                """;

        assertTrue(refusal(laughs).contains("declares a document type"), refusal(laughs));
    }

    @Test
    void anExternalEntityIsNeverFetched(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the operator's secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<log><trace><string key=\"concept:name\" value=\"c\"/><event>"
                + "<string key=\"concept:name\" value=\"&xxe;\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/>"
                + "</event></trace></log>";

        String message = refusal(xxe);

        assertFalse(message.contains("secret"), message);
        assertTrue(message.contains("document type"), message);
    }

    @Test
    void anEventWithoutATimeIsRefusedAtItsLine() {
        String noTime = HELPDESK.replace("<date key=\"time:timestamp\" value=\"2012-10-10T08:00:00Z\" />", "");

        assertEquals("line 25: an event of case 'Case 2' has no time:timestamp", refusal(noTime));
    }

    @Test
    void aTimeThatCannotBeReadIsRefusedAtItsLine() {
        String badTime = HELPDESK.replace("2012-10-10T08:00:00Z", "10/10/2012 8:00");

        assertEquals("line 25: time:timestamp '10/10/2012 8:00' is not a time in ISO-8601 like 2012-10-09T14:50:17+00:00",
                refusal(badTime));
    }

    @Test
    void aTimeWithoutAnOffsetIsReadInTheZoneTheOperatorNames() {
        String local = HELPDESK.replace("2012-10-10T08:00:00Z", "2012-10-10T08:00:00");

        assertTrue(refusal(local).contains("has no offset from UTC"));
        List<LoggedEvent> events = new XesEventLog(EventTimes.iso(Optional.of(ZoneId.of("Asia/Bangkok"))), BOUNDS)
                .read(new ByteArrayInputStream(local.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Instant.parse("2012-10-10T01:00:00Z"), events.get(2).at());
    }

    @Test
    void aTraceWithoutACaseIdOrACaseInTwoTracesIsRefused() {
        assertEquals("line 24: the trace has no concept:name, the id of its case",
                refusal(HELPDESK.replace("<string key=\"concept:name\" value=\"Case 2\" />", "")));
        assertEquals("line 24: case 'Case 1' has a trace at line 6 already",
                refusal(HELPDESK.replace("value=\"Case 2\"", "value=\"Case 1\"")));
    }

    @Test
    void aValueLongerThanTheBoundIsRefused() {
        assertEquals("line 9: the value of 'concept:name' is longer than 200 characters",
                refusal(HELPDESK.replace("Assign seriousness", "x".repeat(201))));
    }

    @Test
    void moreEventsThanTheBoundAreRefused() {
        StringBuilder many = new StringBuilder("<log><trace><string key=\"concept:name\" value=\"c\"/>\n");
        for (int i = 0; i <= BOUNDS.maxEvents(); i++) {
            many.append("<event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event>\n");
        }
        many.append("</trace></log>");

        assertEquals("line 1002: the log holds more than 1000 completed events, the most one import takes", refusal(many.toString()));
    }
}
