package app.tamroi.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The applications the Revenue Department's back office reports on during a fault test: each one
 * walks one of a few journeys through {@code pit-refund}, and for each Tamroi's answer is known in
 * advance. Events reach Tamroi shuffled across the whole stream, so an application's events arrive
 * in no particular order, and some are sent twice as a back office retrying would.
 *
 * <p>Every event lies 28 to 40 days in the past. An open application whose clock runs is then far
 * beyond the six working days promised (BEHIND), and every other one has a stopped clock, so each
 * status is settled: it does not depend on the instant Tamroi computes it, and a replay of the log
 * later must give exactly the same projection.
 */
final class Caseload {

    static final String SERVICE = "pit-refund";
    static final String AGENCY = "rd";
    static final String SOURCE = "urn:th:rd:refund-system";
    static final String TOPIC = "tamroi.step-events";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step event as the back office sends it. */
    record Event(String id, String subject, String type, String step, Instant time, boolean binary) {

        String key() {
            return SOURCE + " " + id;
        }

        ObjectNode cloudEvent() {
            ObjectNode e = JSON.createObjectNode();
            e.put("specversion", "1.0").put("id", id).put("source", SOURCE).put("type", type)
                    .put("subject", subject).put("time", time.toString()).put("datacontenttype", "application/json");
            e.set("data", data());
            return e;
        }

        ObjectNode data() {
            ObjectNode data = JSON.createObjectNode().put("service", SERVICE);
            if (step != null) {
                data.put("step", step);
            }
            return data;
        }

        /** Structured or binary CloudEvents mode, keyed by subject as docs/events.md asks. */
        ProducerRecord<String, byte[]> record() {
            if (!binary) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, subject,
                        cloudEvent().toString().getBytes(StandardCharsets.UTF_8));
                r.headers().add("content-type", utf8("application/cloudevents+json; charset=utf-8"));
                return r;
            }
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, subject,
                    data().toString().getBytes(StandardCharsets.UTF_8));
            r.headers().add("ce_specversion", utf8("1.0")).add("ce_id", utf8(id)).add("ce_source", utf8(SOURCE))
                    .add("ce_type", utf8(type)).add("ce_subject", utf8(subject)).add("ce_time", utf8(time.toString()))
                    .add("content-type", utf8("application/json"));
            return r;
        }
    }

    /** What the application's status page must show once every event is in. */
    record Expected(String status, String currentStep, boolean ended, int eventCount) {
    }

    record Application(String subject, List<Event> events, Expected expected) {
    }

    /** Something that happens to an application, some hours after it was submitted. */
    private record Happening(int hours, String type, String step) {
    }

    /** A journey and where it leaves the application. */
    private record Journey(String status, String currentStep, List<Happening> happenings) {
        boolean ends() {
            return currentStep == null;
        }
    }

    private static Happening at(int hours, String type, String step) {
        return new Happening(hours, "tamroi." + type, step);
    }

    private static Happening at(int hours, String type) {
        return at(hours, type, null);
    }

    private static final List<Journey> JOURNEYS = List.of(
            new Journey("BEHIND", "received", List.of(
                    at(0, "application.submitted"))),
            new Journey("BEHIND", "verification", List.of(
                    at(0, "application.submitted"),
                    at(3, "step.completed", "received"))),
            new Journey("BEHIND", "approval", List.of(
                    at(0, "application.submitted"),
                    at(2, "step.completed", "received"),
                    at(7, "step.completed", "verification"))),
            // verification has to be done again
            new Journey("BEHIND", "verification", List.of(
                    at(0, "application.submitted"),
                    at(2, "step.completed", "received"),
                    at(6, "step.completed", "verification"),
                    at(8, "step.started", "verification"))),
            // 27 hours of clock time cannot exceed the promised 6 working days of 24 hours
            new Journey("COMPLETED_ON_TIME", null, List.of(
                    at(0, "application.submitted"),
                    at(3, "step.completed", "received"),
                    at(10, "step.completed", "verification"),
                    at(20, "step.completed", "approval"),
                    at(26, "step.completed", "transfer"),
                    at(27, "application.completed"))),
            new Journey("WAITING_ON_CITIZEN", "verification", List.of(
                    at(0, "application.submitted"),
                    at(4, "step.completed", "received"),
                    at(6, "application.paused"))),
            new Journey("REJECTED", null, List.of(
                    at(0, "application.submitted"),
                    at(1, "step.completed", "received"),
                    at(9, "application.rejected"))),
            new Journey("WITHDRAWN", null, List.of(
                    at(0, "application.submitted"),
                    at(5, "application.withdrawn"))));

    private final List<Application> applications;
    private final List<Event> arrivals;

    private Caseload(List<Application> applications, List<Event> arrivals) {
        this.applications = applications;
        this.arrivals = arrivals;
    }

    /**
     * @param prefix makes subjects and event ids unique to one test
     * @param count how many applications
     */
    static Caseload of(String prefix, int count, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Application> applications = new ArrayList<>(count);
        List<Event> arrivals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = String.format("%s-%06d", prefix, i);
            Journey journey = JOURNEYS.get(i % JOURNEYS.size());
            Instant submittedAt = now.minus(Duration.ofDays(40)).plusSeconds(random.nextInt(9 * 24 * 3600));
            boolean binary = i % 3 == 0;
            List<Event> events = new ArrayList<>();
            for (Happening h : journey.happenings()) {
                events.add(new Event(subject + "-e" + events.size(), subject, h.type(), h.step(),
                        submittedAt.plus(Duration.ofHours(h.hours())), binary));
            }
            applications.add(new Application(subject, List.copyOf(events),
                    new Expected(journey.status(), journey.currentStep(), journey.ends(), events.size())));
            arrivals.addAll(events);
            if (i % 7 == 3) {
                // the back office did not hear our answer and sends the same event again
                arrivals.add(events.get(random.nextInt(events.size())));
            }
        }
        Collections.shuffle(arrivals, random);
        return new Caseload(List.copyOf(applications), List.copyOf(arrivals));
    }

    List<Application> applications() {
        return applications;
    }

    /** Every event in the order the back office sends it, resends included. */
    List<Event> arrivals() {
        return arrivals;
    }

    /** source + id of every distinct event: what the log must hold, each exactly once. */
    Set<String> eventKeys() {
        Set<String> keys = new LinkedHashSet<>();
        applications.forEach(a -> a.events().forEach(e -> keys.add(e.key())));
        return keys;
    }

    Map<String, Expected> expectations() {
        Map<String, Expected> bySubject = new LinkedHashMap<>();
        applications.forEach(a -> bySubject.put(a.subject(), a.expected()));
        return bySubject;
    }

    List<ProducerRecord<String, byte[]>> records() {
        return arrivals.stream().map(Event::record).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
