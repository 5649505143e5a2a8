package app.tamroi.calibration;

import app.tamroi.calibration.EventLogFile.Activity;
import app.tamroi.calibration.EventLogFile.Trace;
import app.tamroi.calibration.LoggedCase.LogEvent;
import app.tamroi.calibration.LoggedCase.Sent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.journey.StepVisit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A real event log (the help desk of an Italian software company) read as Tamroi would be told it,
 * the same mapping as {@code import-log}: a case is an application, submitted at its first event;
 * at each event it moves to the step of the next activity ({@code step.started}), so the time until
 * the next event is spent in that step; the last event completes it. One step per activity, in the
 * order activities usually come in a case. The calendar is every day, all day, in UTC, so working
 * time is elapsed time and the figures compare with the published ones.
 *
 * <p>The service's plan is what an agency would publish from its history, taken from the first four
 * fifths of the cases only, so that it is not tuned on the cases it is judged on: each step's target
 * is the median stay in it, and the promise is the time within which eight in ten of those cases
 * ended.
 */
public final class HelpdeskWorkload {

    public static final String AGENCY = "helpdesk-it";
    public static final String SERVICE = "helpdesk";
    /** Where the log is kept, beside the project. */
    public static final Path LOG = Path.of("..", "shared", "reallogs", "helpdesk.xes.gz");

    private HelpdeskWorkload() {
    }

    public static Workload read(Path file) throws IOException {
        return of(EventLogFile.readXes(file));
    }

    static Workload of(List<Trace> traces) {
        List<Trace> ordered = traces.stream().filter(t -> !t.activities().isEmpty())
                .sorted(Comparator.comparing((Trace t) -> t.activities().get(0).at())).toList();
        List<Trace> training = ordered.subList(0, ordered.size() - ordered.size() / 5);
        List<String> steps = stepOrder(training, ordered);
        // first the cases under a plan with every target a minute, to measure the stays in Tamroi's own terms
        ObjectNode draft = timeline(steps, Map.of(), Duration.ofMinutes(1));
        List<LoggedCase> cases = ordered.stream().map(HelpdeskWorkload::logged).toList();
        List<LoggedCase> trainingCases = cases.subList(0, training.size());
        Map<String, Duration> medians = medianStays(Workload.versionOf(draft), trainingCases);
        Duration promise = p80(trainingCases.stream().map(c -> Duration.between(c.start(), c.end())).toList());
        ObjectNode timeline = timeline(steps, medians, promise);
        return Workload.of("helpdesk", timeline, cases, notes(ordered.size(), training.size(), steps.size(), promise));
    }

    /** Activities by the mean position (1 = first event) at which they occur in the training cases; unseen ones last. */
    static List<String> stepOrder(List<Trace> training, List<Trace> all) {
        Map<String, double[]> positions = new HashMap<>();
        for (Trace t : training) {
            for (int i = 0; i < t.activities().size(); i++) {
                double[] p = positions.computeIfAbsent(t.activities().get(i).name(), a -> new double[2]);
                p[0] += i + 1;
                p[1]++;
            }
        }
        List<String> order = positions.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0] / e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(ArrayList::new));
        all.stream().flatMap(t -> t.activities().stream()).map(Activity::name).distinct().sorted()
                .filter(a -> !order.contains(a)).forEach(order::add);
        return order;
    }

    /** A step code from an activity's name: lower case, anything but letters and digits a dash. */
    static String step(String activity) {
        String slug = activity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "activity" : slug.substring(0, Math.min(64, slug.length()));
    }

    static LoggedCase logged(Trace trace) {
        List<Activity> a = trace.activities();
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            List<Sent> sent = new ArrayList<>();
            if (i == 0) {
                sent.add(new Sent(StepEventType.SUBMITTED, null));
            }
            if (i + 1 < a.size()) {
                sent.add(new Sent(StepEventType.STEP_STARTED, step(a.get(i + 1).name())));
            } else {
                sent.add(new Sent(StepEventType.COMPLETED, null));
            }
            events.add(new LogEvent(a.get(i).at(), a.get(i).name(), sent));
        }
        return new LoggedCase(SERVICE + "-" + step(trace.name()), events);
    }

    /** Each step's median stay, as the status rule counts visits (a step started again while in it is one stay). */
    private static Map<String, Duration> medianStays(app.tamroi.domain.service.ServiceVersion version, List<LoggedCase> cases) {
        Map<String, List<Duration>> stays = new TreeMap<>();
        for (LoggedCase c : cases) {
            for (StepVisit v : JourneyStatus.visits(version, c.stepEvents(), c.end())) {
                stays.computeIfAbsent(v.step(), s -> new ArrayList<>()).add(v.worked());
            }
        }
        Map<String, Duration> medians = new HashMap<>();
        stays.forEach((step, list) -> medians.put(step, quantile(list, 0.5)));
        return medians;
    }

    private static Duration p80(List<Duration> durations) {
        return quantile(durations, 0.8);
    }

    private static Duration quantile(List<Duration> values, double q) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static ObjectNode timeline(List<String> activities, Map<String, Duration> targets, Duration promise) {
        ObjectNode doc = Workload.JSON.createObjectNode();
        doc.put("code", SERVICE).put("agency", AGENCY);
        doc.putObject("name").put("th", "แจ้งปัญหาซอฟต์แวร์ (บันทึกจริง)").put("en", "Software help desk (real log)");
        doc.put("promise", minutes(promise));
        ObjectNode calendar = doc.putObject("calendar").put("zone", "UTC");
        ArrayNode days = calendar.putArray("workingDays");
        List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN").forEach(days::add);
        calendar.putArray("holidays");
        ArrayNode steps = doc.putArray("steps");
        for (String activity : activities) {
            ObjectNode step = steps.addObject().put("code", step(activity));
            step.putObject("name").put("th", activity).put("en", activity);
            step.put("target", minutes(targets.getOrDefault(step(activity), Duration.ofMinutes(1))));
        }
        return doc;
    }

    /** A duration as a target: whole minutes, at least one (a target is never zero). */
    private static String minutes(Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60) + "m";
    }

    private static List<String> notes(int cases, int training, int steps, Duration promise) {
        return List.of(String.format(Locale.ROOT,
                "The help desk log of an Italian software company (Polato 2017, 4TU.ResearchData), %,d cases, read with "
                        + "the mapping of `import-log`: submitted at a case's first event, at each event on to the step of "
                        + "the next activity, completed at the last event; %d steps, one per activity, ordered by their mean "
                        + "position in the training cases; the calendar every day, all day, UTC.", cases, steps),
                String.format(Locale.ROOT,
                        "The plan is derived from the first %,d cases (four fifths) only, never from the test cases: each "
                                + "step's target is the median stay in it there, and the promise (%.1f days) the time within "
                                + "which 8 in 10 of them ended.", training, promise.toMinutes() / 1440.0));
    }
}
