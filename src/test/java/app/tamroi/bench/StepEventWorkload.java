package app.tamroi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A seeded, repeatable stream of step events as back offices would send them: applications of the
 * services in {@code config/services}, each with its life so far (submitted, steps done, pauses,
 * skipped citizen steps, an ending), interleaved across applications in the order they happened,
 * with a share delivered out of order or late, some sent twice, and one record in a hundred broken.
 * The same seed, size and anchor always give the same stream, so two runs ingest the same work.
 */
public final class StepEventWorkload {

    /** Why an event is in the stream; only {@link #VALID} ones end up in the log. */
    public enum Kind { VALID, DUPLICATE, MALFORMED }

    /** How a malformed record is broken; {@link #NOT_JSON} only where the channel carries raw bytes. */
    enum Flaw { NONE, NOT_JSON, NO_SUBJECT, BAD_TIME, UNKNOWN_TYPE, UNKNOWN_SERVICE, UNKNOWN_STEP, SUBJECT_NOT_STRING }

    public record Service(String code, String agency, String source, List<Step> steps) {
    }

    public record Step(String code, double targetHours, boolean citizen) {
    }

    /** One record to send. {@code sendKey} orders the stream; it is not part of the event. */
    public record Event(String subject, Service service, String type, String step, Instant time, String id,
                        String note, Kind kind, Flaw flaw, boolean binary, long sendKey) {

        public String agency() {
            return service.agency();
        }

        public String source() {
            return service.source();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NOTES = {
            "ได้รับเรื่องของท่านแล้ว / We have received your application.",
            "อยู่ระหว่างตรวจสอบเอกสาร / Your documents are being checked.",
            "กรุณาส่งสำเนาหน้าสมุดบัญชีธนาคาร / Please send a copy of your bank book.",
            "อนุมัติแล้ว รอโอนเงิน / Approved; the transfer follows.",
    };

    private final List<Event> events;
    private final int applications;

    private StepEventWorkload(List<Event> events, int applications) {
        this.events = events;
        this.applications = applications;
    }

    public List<Event> events() {
        return events;
    }

    public int applications() {
        return applications;
    }

    public long count(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    /** Applications that at least one valid event creates. */
    public long applicationsCreated() {
        return events.stream().filter(e -> e.kind() == Kind.VALID).map(Event::subject).distinct().count();
    }

    /**
     * @param prefix     starts every subject, so that workloads of different phases never share an application
     * @param rawBytes   whether a record may be bytes that are not JSON at all (Kafka), or must be a JSON object (HTTP)
     * @param anchor     "now" for the workload: every event happened before it
     */
    public static StepEventWorkload generate(List<Service> services, String prefix, int applications, long seed,
                                             Instant anchor, boolean rawBytes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> stream = new ArrayList<>(applications * 8);
        Instant latest = anchor.minusSeconds(60);
        for (int i = 0; i < applications; i++) {
            String subject = String.format("%s-%07d", prefix, i);
            Service service = pick(services, random);
            List<Event> life = life(subject, service, random, anchor).stream()
                    .filter(e -> !e.time().isAfter(latest)).toList();
            if (life.isEmpty()) {
                continue;
            }
            List<Event> sent = new ArrayList<>(life);
            // out of order: a back office that sends two neighbouring events the wrong way round
            if (sent.size() > 2 && random.nextDouble() < 0.05) {
                int j = 1 + random.nextInt(sent.size() - 1);
                Event a = sent.get(j - 1);
                Event b = sent.get(j);
                sent.set(j - 1, withSendKey(a, b.sendKey()));
                sent.set(j, withSendKey(b, a.sendKey()));
            }
            for (int j = 0; j < sent.size(); j++) {
                Event e = sent.get(j);
                // late: delivered hours or days after it happened, behind later events
                if (random.nextDouble() < 0.01) {
                    e = withSendKey(e, e.sendKey() + Duration.ofHours(1 + random.nextInt(72)).toMillis());
                    sent.set(j, e);
                }
                // a retry: the same event again a little later
                if (random.nextDouble() < 0.02) {
                    stream.add(new Event(e.subject(), e.service(), e.type(), e.step(), e.time(), e.id(), e.note(),
                            Kind.DUPLICATE, Flaw.NONE, random.nextBoolean(),
                            e.sendKey() + random.nextLong(Duration.ofHours(2).toMillis())));
                }
            }
            stream.addAll(sent);
        }
        int wellFormed = stream.size();
        // one record in a hundred of the final stream is broken
        int malformed = (int) Math.round(wellFormed / 99.0);
        Flaw[] flaws = rawBytes
                ? new Flaw[] {Flaw.NOT_JSON, Flaw.NO_SUBJECT, Flaw.BAD_TIME, Flaw.UNKNOWN_TYPE, Flaw.UNKNOWN_SERVICE, Flaw.UNKNOWN_STEP}
                : new Flaw[] {Flaw.SUBJECT_NOT_STRING, Flaw.NO_SUBJECT, Flaw.BAD_TIME, Flaw.UNKNOWN_TYPE, Flaw.UNKNOWN_SERVICE, Flaw.UNKNOWN_STEP};
        for (int k = 0; k < malformed; k++) {
            Event model = stream.get(random.nextInt(wellFormed));
            stream.add(new Event(model.subject(), model.service(), "tamroi.step.completed", "no-such-step", model.time(),
                    new UUID(random.nextLong(), random.nextLong()).toString(), null, Kind.MALFORMED,
                    flaws[k % flaws.length], false, model.sendKey() + random.nextInt(1000)));
        }
        stream.sort(Comparator.comparingLong(Event::sendKey));
        return new StepEventWorkload(List.copyOf(stream), applications);
    }

    private static Event withSendKey(Event e, long sendKey) {
        return new Event(e.subject(), e.service(), e.type(), e.step(), e.time(), e.id(), e.note(), e.kind(), e.flaw(),
                e.binary(), sendKey);
    }

    private static Service pick(List<Service> services, SplittableRandom random) {
        // tax refunds are the bulk, as in the real mix of these three services
        Map<String, Double> weights = Map.of("pit-refund", 5.0, "maternity-benefit", 3.0, "company-registration", 2.0);
        double total = services.stream().mapToDouble(s -> weights.getOrDefault(s.code(), 1.0)).sum();
        double r = random.nextDouble() * total;
        for (Service s : services) {
            r -= weights.getOrDefault(s.code(), 1.0);
            if (r < 0) {
                return s;
            }
        }
        return services.get(services.size() - 1);
    }

    /** Everything that will ever happen to one application; the caller keeps what has happened by the anchor. */
    private static List<Event> life(String subject, Service service, SplittableRandom random, Instant anchor) {
        List<Event> life = new ArrayList<>();
        Instant t = anchor.minus(Duration.ofMinutes(30 + random.nextLong(Duration.ofDays(45).toMinutes())));
        boolean binary = random.nextDouble() < 0.3;
        add(life, subject, service, "tamroi.application.submitted", null, t, random, binary);
        List<Step> steps = service.steps();
        double ending = random.nextDouble();
        // an application refused or withdrawn part-way ends after a random number of steps
        int stopAfter = ending < 0.88 ? steps.size() : random.nextInt(steps.size());
        int i = 0;
        while (i < stopAfter) {
            Step step = steps.get(i);
            if (step.citizen() && i + 1 < steps.size() && random.nextBoolean()) {
                // nothing was missing: the citizen's step is skipped
                t = t.plus(hours(0.5 + random.nextDouble() * 2));
                add(life, subject, service, "tamroi.step.started", steps.get(i + 1).code(), t, random, binary);
                i++;
                continue;
            }
            if (!step.citizen() && random.nextDouble() < 0.06) {
                t = t.plus(hours(1 + random.nextDouble() * 6));
                add(life, subject, service, "tamroi.application.paused", null, t, random, binary);
                t = t.plus(hours(2 + random.nextDouble() * 70));
                add(life, subject, service, "tamroi.application.resumed", null, t, random, binary);
            }
            // wall-clock time for a target in working hours: a working day is a third of a day, and some run late
            t = t.plus(hours(step.targetHours() * 3 * (0.2 + random.nextDouble() * 1.3)));
            add(life, subject, service, "tamroi.step.completed", step.code(), t, random, binary);
            i++;
        }
        t = t.plus(hours(0.1 + random.nextDouble()));
        String end = ending < 0.88 ? "tamroi.application.completed"
                : ending < 0.95 ? "tamroi.application.rejected" : "tamroi.application.withdrawn";
        add(life, subject, service, end, null, t, random, binary);
        return life;
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds((long) (h * 3600));
    }

    private static void add(List<Event> life, String subject, Service service, String type, String step, Instant time,
                            SplittableRandom random, boolean binary) {
        String note = random.nextDouble() < 0.1 ? NOTES[random.nextInt(NOTES.length)] : null;
        life.add(new Event(subject, service, type, step, time, new UUID(random.nextLong(), random.nextLong()).toString(),
                note, Kind.VALID, Flaw.NONE, binary, time.toEpochMilli()));
    }

    /** The whole event in structured mode (HTTP, or a Kafka record with a CloudEvents content type). */
    public static byte[] structured(Event e) {
        if (e.flaw() == Flaw.NOT_JSON) {
            return ("{\"specversion\":\"1.0\",\"id\":\"" + e.id() + "\",\"source\":").getBytes(StandardCharsets.UTF_8);
        }
        return bytes(structuredNode(e));
    }

    public static ObjectNode structuredNode(Event e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("specversion", "1.0");
        n.put("id", e.id());
        n.put("source", e.source());
        n.put("type", e.flaw() == Flaw.UNKNOWN_TYPE ? "tamroi.step.finished" : e.type());
        if (e.flaw() == Flaw.SUBJECT_NOT_STRING) {
            n.put("subject", 4711);
        } else if (e.flaw() != Flaw.NO_SUBJECT) {
            n.put("subject", e.subject());
        }
        n.put("time", e.flaw() == Flaw.BAD_TIME ? "16/11/2026 09:00" : e.time().toString());
        n.put("datacontenttype", "application/json");
        n.set("data", data(e));
        return n;
    }

    /** Binary mode: the attributes as {@code ce_} headers, the data as the value. */
    public static Map<String, String> binaryHeaders(Event e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", e.id());
        h.put("ce_source", e.source());
        h.put("ce_type", e.type());
        h.put("ce_subject", e.subject());
        h.put("ce_time", e.time().toString());
        h.put("content-type", "application/json");
        return h;
    }

    public static byte[] binaryValue(Event e) {
        return bytes(data(e));
    }

    private static ObjectNode data(Event e) {
        ObjectNode data = JSON.createObjectNode();
        data.put("service", e.flaw() == Flaw.UNKNOWN_SERVICE ? e.service().code() + "-x" : e.service().code());
        if (e.step() != null) {
            data.put("step", e.step());
        }
        if (e.note() != null) {
            data.put("publicNote", e.note());
        }
        return data;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The services as published from {@code config/services}, so the workload follows the catalogue. */
    public static List<Service> services(Path catalogueDir) {
        try (Stream<Path> files = Files.list(catalogueDir.resolve("services"))) {
            List<Service> services = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = JSON.readTree(file.toFile());
                List<Step> steps = new ArrayList<>();
                for (JsonNode s : doc.get("steps")) {
                    steps.add(new Step(s.get("code").asText(), workingHours(s.get("target").asText()),
                            "CITIZEN".equals(s.path("owner").asText("AGENCY"))));
                }
                String agency = doc.get("agency").asText();
                services.add(new Service(doc.get("code").asText(), agency, "urn:th:" + agency + ":bench-back-office",
                        List.copyOf(steps)));
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1d", "4h", "30m" as working hours; a working day taken as eight hours, which is all a workload needs. */
    static double workingHours(String target) {
        double n = Double.parseDouble(target.substring(0, target.length() - 1));
        return switch (target.charAt(target.length() - 1)) {
            case 'd' -> n * 8;
            case 'h' -> n;
            case 'm' -> n / 60;
            default -> throw new IllegalArgumentException("target " + target);
        };
    }
}
