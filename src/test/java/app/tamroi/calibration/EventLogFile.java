package app.tamroi.calibration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The least of an XES event log (IEEE 1849) the calibration needs, read as a stream so that a
 * large log never sits in memory as a tree: per trace its {@code concept:name}, per event its
 * {@code concept:name} and {@code time:timestamp}. Only completed activities count: an event whose
 * {@code lifecycle:transition} is anything but {@code complete} is left out, and one without it is
 * taken as complete. Plain or gzipped, told apart by the file's first two bytes.
 *
 * <p>{@code import-log} reads the same files for agencies; this reader exists because the
 * calibration was written before it, and can give way to it.
 */
public final class EventLogFile {

    public record Activity(String name, Instant at) {
    }

    public record Trace(String name, List<Activity> activities) {
        public Trace {
            // a log lists a trace's events in order; equal times keep that order
            activities = activities.stream().sorted(Comparator.comparing(Activity::at)).toList();
        }
    }

    private EventLogFile() {
    }

    public static List<Trace> readXes(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return readXes(gzipped ? new GZIPInputStream(raw) : raw, file.getFileName().toString());
        }
    }

    static List<Trace> readXes(InputStream in, String what) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a log is data: no external entities, no DTD
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Trace> traces = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String traceName = null;
            List<Activity> activities = null;
            String name = null;
            String time = null;
            String transition = null;
            // depth 1 log, 2 trace, 3 a trace's attribute or event, 4 an event's attribute; deeper ones are nested attributes
            int depth = 0;
            while (xml.hasNext()) {
                int token = xml.next();
                if (token == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String element = xml.getLocalName();
                    String key = xml.getAttributeValue(null, "key");
                    String value = xml.getAttributeValue(null, "value");
                    if (depth == 1 && !element.equals("log")) {
                        throw new IOException(what + " is not an XES log: its root element is <" + element + ">, not <log>");
                    } else if (depth == 2 && element.equals("trace")) {
                        traceName = null;
                        activities = new ArrayList<>();
                    } else if (depth == 3 && activities != null && element.equals("event")) {
                        name = null;
                        time = null;
                        transition = null;
                    } else if (depth == 3 && activities != null && "concept:name".equals(key)) {
                        traceName = value;
                    } else if (depth == 4 && activities != null && key != null) {
                        switch (key) {
                            case "concept:name" -> name = value;
                            case "time:timestamp" -> time = value;
                            case "lifecycle:transition" -> transition = value;
                            default -> { }
                        }
                    }
                } else if (token == XMLStreamConstants.END_ELEMENT) {
                    String element = xml.getLocalName();
                    if (depth == 3 && activities != null && element.equals("event")
                            && (transition == null || transition.toLowerCase(Locale.ROOT).equals("complete"))) {
                        activities.add(new Activity(required(name, "an event's concept:name", traceName, what),
                                instant(required(time, "an event's time:timestamp", traceName, what), traceName, what)));
                    } else if (depth == 2 && element.equals("trace")) {
                        traces.add(new Trace(required(traceName, "a trace's concept:name", "#" + (traces.size() + 1), what),
                                activities));
                        activities = null;
                    }
                    depth--;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(what + " is not well-formed XML: " + e.getMessage(), e);
        }
        return traces;
    }

    private static String required(String value, String what, String trace, String file) throws IOException {
        if (value == null || value.isBlank()) {
            throw new IOException(file + ": trace " + trace + " lacks " + what);
        }
        return value;
    }

    private static Instant instant(String text, String trace, String file) throws IOException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": trace " + trace + " has a time:timestamp that is not a date-time: '" + text + "'");
        }
    }
}
