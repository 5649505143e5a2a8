package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogFileTest {

    static final String LOG = """
            <?xml version="1.0" encoding="utf-8" ?>
            <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
              <string key="concept:name" value="the log itself" />
              <trace>
                <string key="concept:name" value="Case 2" />
                <event>
                  <string key="concept:name" value="Resolve ticket" />
                  <date key="time:timestamp" value="2012-10-10T09:00:00+02:00" />
                </event>
                <event>
                  <string key="concept:name" value="Assign seriousness" />
                  <date key="time:timestamp" value="2012-10-09T14:50:17+00:00" />
                  <list key="details"><string key="concept:name" value="a nested attribute, not the activity" /></list>
                </event>
                <event>
                  <string key="concept:name" value="Resolve ticket" />
                  <string key="lifecycle:transition" value="start" />
                  <date key="time:timestamp" value="2012-10-10T06:00:00+00:00" />
                </event>
              </trace>
              <trace>
                <string key="concept:name" value="Case 1" />
                <event>
                  <string key="concept:name" value="Closed" />
                  <string key="lifecycle:transition" value="COMPLETE" />
                  <date key="time:timestamp" value="2012-11-09T12:54:39.000Z" />
                </event>
              </trace>
            </log>
            """;

    @TempDir
    Path dir;

    @Test
    void readsEachTracesCompletedActivitiesInTimeOrder() throws IOException {
        List<EventLogFile.Trace> traces = EventLogFile.readXes(write("log.xes", LOG, false));

        assertEquals(2, traces.size());
        assertEquals("Case 2", traces.get(0).name());
        assertEquals(List.of(new EventLogFile.Activity("Assign seriousness", Instant.parse("2012-10-09T14:50:17Z")),
                new EventLogFile.Activity("Resolve ticket", Instant.parse("2012-10-10T07:00:00Z"))), traces.get(0).activities());
        assertEquals(List.of(new EventLogFile.Activity("Closed", Instant.parse("2012-11-09T12:54:39Z"))), traces.get(1).activities());
    }

    @Test
    void readsAGzippedLogTheSameAsAPlainOne() throws IOException {
        assertEquals(EventLogFile.readXes(write("log.xes", LOG, false)), EventLogFile.readXes(write("log.xes.gz", LOG, true)));
    }

    @Test
    void refusesWhatIsNotAnXesLogWithTheReason() throws IOException {
        Path csv = write("log.xes", "case,activity,time\n1,a,2012-10-10\n", false);
        Path html = write("page.xes", "<html><body/></html>", false);
        Path noTime = write("bad.xes", LOG.replace("<date key=\"time:timestamp\" value=\"2012-11-09T12:54:39.000Z\" />", ""), false);
        Path badTime = write("bad2.xes", LOG.replace("2012-11-09T12:54:39.000Z", "yesterday"), false);

        assertTrue(assertThrows(IOException.class, () -> EventLogFile.readXes(csv)).getMessage().contains("not well-formed XML"));
        assertTrue(assertThrows(IOException.class, () -> EventLogFile.readXes(html)).getMessage().contains("root element is <html>"));
        assertEquals("bad.xes: trace Case 1 lacks an event's time:timestamp",
                assertThrows(IOException.class, () -> EventLogFile.readXes(noTime)).getMessage());
        assertTrue(assertThrows(IOException.class, () -> EventLogFile.readXes(badTime)).getMessage().contains("'yesterday'"));
    }

    private Path write(String name, String text, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
