package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an event log in XES (IEEE 1849) into its completed events, streaming: a trace is a case
 * ({@code concept:name} its id), an event an activity ({@code concept:name}) done at
 * {@code time:timestamp}; an event whose {@code lifecycle:transition} is not {@code complete} does
 * not count. Only the attributes directly inside a trace or an event are read; nested ones,
 * extensions, globals and classifiers are passed over.
 *
 * <p>The file comes from outside, so the parser resolves nothing: a document type declaration is
 * refused outright (an event log never needs one, and it is where entity expansion and external
 * entity attacks live), and neither external DTDs nor external entities are fetched.
 */
public final class XesEventLog {

    private static final String NAME = "concept:name";
    private static final String TIME = "time:timestamp";
    private static final String LIFECYCLE = "lifecycle:transition";
    private static final int MAX_DEPTH = 64;

    private final EventTimes times;
    private final EventLogBounds bounds;

    public XesEventLog(EventTimes times, EventLogBounds bounds) {
        this.times = times;
        this.bounds = bounds;
    }

    static XMLInputFactory hardenedFactory() {
        // the JDK's own implementation, whatever else the class path offers, so these settings mean what they say
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** An event being read: what its attributes said so far. */
    private static final class OpenEvent {
        final long line;
        String activity;
        String time;
        String lifecycle;

        OpenEvent(long line) {
            this.line = line;
        }
    }

    /** A trace being read; its events wait for its id, which may come after them. */
    private static final class OpenTrace {
        final long line;
        final int depth;
        String caseId;
        final List<OpenEvent> events = new ArrayList<>();

        OpenTrace(long line, int depth) {
            this.line = line;
            this.depth = depth;
        }
    }

    /** @throws InvalidEventLogException naming the line to fix */
    public List<LoggedEvent> read(InputStream in) {
        XMLStreamReader xml;
        try {
            xml = hardenedFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw notXml(e);
        }
        try {
            return read(xml);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                // the bytes could not be read (a damaged gzip, the size bound): not a fault of the XML
                throw new UncheckedIOException(io);
            }
            throw notXml(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream is closed by whoever opened it
            }
        }
    }

    private List<LoggedEvent> read(XMLStreamReader xml) throws XMLStreamException {
        List<LoggedEvent> events = new ArrayList<>();
        Map<String, Long> traceLines = new HashMap<>();
        Map<String, String> activities = new HashMap<>();
        int depth = 0;
        boolean rootSeen = false;
        OpenTrace trace = null;
        OpenEvent event = null;
        int eventDepth = -1;
        while (xml.hasNext()) {
            int kind = xml.next();
            long line = xml.getLocation().getLineNumber();
            if (kind == XMLStreamConstants.DTD) {
                throw InvalidEventLogException.at(line, "the file declares a document type (<!DOCTYPE …>), which an event log "
                        + "never needs; Tamroi does not read one, as entity attacks hide there");
            }
            if (kind == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = xml.getLocalName();
                if (depth > MAX_DEPTH) {
                    throw InvalidEventLogException.at(line, "elements are nested more than " + MAX_DEPTH + " deep");
                }
                if (depth == 1) {
                    if (!"log".equals(element)) {
                        throw InvalidEventLogException.at(line, "not an XES log: its root element is <" + element + ">, not <log>");
                    }
                    rootSeen = true;
                } else if ("trace".equals(element) && depth == 2) {
                    trace = new OpenTrace(line, depth);
                } else if ("event".equals(element) && trace != null && depth == trace.depth + 1) {
                    event = new OpenEvent(line);
                    eventDepth = depth;
                } else if ("event".equals(element) && trace == null) {
                    throw InvalidEventLogException.at(line, "an <event> outside a <trace>: XES keeps every event in its case's trace");
                } else if (event != null && depth == eventDepth + 1) {
                    eventAttribute(event, xml, line);
                } else if (event == null && trace != null && depth == trace.depth + 1) {
                    traceAttribute(trace, xml, line);
                }
            } else if (kind == XMLStreamConstants.END_ELEMENT) {
                if (event != null && depth == eventDepth) {
                    if (Lifecycle.counts(event.lifecycle)) {
                        if (trace.events.size() + events.size() >= bounds.maxEvents()) {
                            throw InvalidEventLogException.at(line, "the log holds more than " + bounds.maxEvents()
                                    + " completed events, the most one import takes");
                        }
                        trace.events.add(event);
                    }
                    event = null;
                } else if (trace != null && depth == trace.depth) {
                    close(trace, events, traceLines, activities);
                    trace = null;
                }
                depth--;
            }
        }
        if (!rootSeen) {
            throw new InvalidEventLogException("not an XES log: the file holds no <log> element");
        }
        return events;
    }

    private void eventAttribute(OpenEvent event, XMLStreamReader xml, long line) {
        String key = xml.getAttributeValue(null, "key");
        if (NAME.equals(key)) {
            event.activity = value(xml, key, line).trim();
        } else if (TIME.equals(key)) {
            event.time = value(xml, key, line);
        } else if (LIFECYCLE.equals(key)) {
            event.lifecycle = value(xml, key, line);
        }
    }

    private void traceAttribute(OpenTrace trace, XMLStreamReader xml, long line) {
        if (NAME.equals(xml.getAttributeValue(null, "key"))) {
            trace.caseId = value(xml, NAME, line).trim();
        }
    }

    private String value(XMLStreamReader xml, String key, long line) {
        String value = xml.getAttributeValue(null, "value");
        if (value == null) {
            throw InvalidEventLogException.at(line, "attribute '" + key + "' has no value");
        }
        if (value.length() > bounds.maxValueLength()) {
            throw InvalidEventLogException.at(line, "the value of '" + key + "' is longer than " + bounds.maxValueLength()
                    + " characters");
        }
        return value;
    }

    private void close(OpenTrace trace, List<LoggedEvent> events, Map<String, Long> traceLines, Map<String, String> activities) {
        if (trace.caseId == null || trace.caseId.isBlank()) {
            throw InvalidEventLogException.at(trace.line, "the trace has no " + NAME + ", the id of its case");
        }
        Long earlier = traceLines.putIfAbsent(trace.caseId, trace.line);
        if (earlier != null) {
            throw InvalidEventLogException.at(trace.line, "case '" + trace.caseId + "' has a trace at line " + earlier + " already");
        }
        for (OpenEvent e : trace.events) {
            if (e.activity == null || e.activity.isBlank()) {
                throw InvalidEventLogException.at(e.line, "an event of case '" + trace.caseId + "' has no " + NAME
                        + ", the activity done");
            }
            if (e.time == null) {
                throw InvalidEventLogException.at(e.line, "an event of case '" + trace.caseId + "' has no " + TIME);
            }
            Instant at;
            try {
                at = times.parse(e.time);
            } catch (DateTimeException ex) {
                throw InvalidEventLogException.at(e.line, TIME + " " + ex.getMessage());
            }
            events.add(new LoggedEvent(trace.caseId, activities.computeIfAbsent(e.activity, k -> k), at, e.line));
        }
    }

    private static InvalidEventLogException notXml(XMLStreamException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        // the JDK's message begins with "ParseError at [row,col]:[…]" and a line break; keep the reason alone
        int at = reason.lastIndexOf("Message: ");
        reason = (at >= 0 ? reason.substring(at + "Message: ".length()) : reason).replaceAll("\\s+", " ").trim();
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
        return new InvalidEventLogException(where + "not an XES log: not well-formed XML (" + reason + ")", e);
    }
}
