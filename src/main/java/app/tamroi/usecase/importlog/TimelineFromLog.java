package app.tamroi.usecase.importlog;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.journey.StepVisit;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A first timeline for a service that has none, drawn from its history: one step per step code the
 * cases move to, in the order they usually come (the mean place in its case of each move to the
 * step), each with the median working time a stay in it took, as the journey rule counts it. The
 * promise is left to its default, the sum of the targets: a first guess for the agency to revise.
 */
public final class TimelineFromLog {

    private static final WorkingDuration PLACEHOLDER = new WorkingDuration(1, WorkingDuration.Unit.MINUTES);

    private TimelineFromLog() {
    }

    /** What was learnt of one step: how often it was entered and its median stay. */
    public record StepFinding(String code, String name, int entered, int stays, Duration medianStay) {
    }

    public record Proposal(ServiceDefinition definition, List<StepFinding> findings) {
    }

    public static Proposal propose(String code, String agency, LocalizedText name, WorkingCalendar calendar,
                                   List<ImportedCase> cases, int maxWorkingDays) {
        Map<String, double[]> places = new TreeMap<>();
        Map<String, Map<String, Integer>> activities = new HashMap<>();
        for (ImportedCase c : cases) {
            for (CaseEvent e : c.events()) {
                if (e.type() == StepEventType.STEP_STARTED) {
                    String step = e.step().orElseThrow();
                    double[] sumAndCount = places.computeIfAbsent(step, k -> new double[2]);
                    sumAndCount[0] += e.index();
                    sumAndCount[1]++;
                    activities.computeIfAbsent(step, k -> new HashMap<>()).merge(c.activityAt(e), 1, Integer::sum);
                }
            }
        }
        if (places.isEmpty()) {
            throw new InvalidEventLogException("no case has more than one event, so the log shows no step to publish");
        }
        List<String> order = new ArrayList<>(places.keySet());
        order.sort(Comparator.comparingDouble((String s) -> places.get(s)[0] / places.get(s)[1])
                .thenComparing(Comparator.naturalOrder()));

        List<Step> draftSteps = order.stream()
                .map(s -> new Step(s, named(activities.get(s)), PLACEHOLDER, StepOwner.AGENCY)).toList();
        ServiceDefinition draft = new ServiceDefinition(code, agency, name, Optional.empty(), Optional.empty(), calendar,
                null, null, draftSteps);
        Map<String, List<Duration>> stays = stays(new ServiceVersion(draft, 1, Instant.EPOCH), cases);

        List<Step> steps = new ArrayList<>();
        List<StepFinding> findings = new ArrayList<>();
        for (Step s : draftSteps) {
            List<Duration> observed = stays.getOrDefault(s.code(), List.of());
            Duration median = median(observed);
            steps.add(new Step(s.code(), s.name(), firstGuess(median, calendar, maxWorkingDays), StepOwner.AGENCY));
            findings.add(new StepFinding(s.code(), s.name().en(), (int) places.get(s.code())[1], observed.size(), median));
        }
        ServiceDefinition definition = new ServiceDefinition(code, agency, name, Optional.empty(), Optional.empty(), calendar,
                null, null, steps);
        return new Proposal(definition, findings);
    }

    /** Each case walked by the journey rule itself, so that a stay means here what it means on a status page. */
    private static Map<String, List<Duration>> stays(ServiceVersion version, List<ImportedCase> cases) {
        String firstStep = version.definition().steps().get(0).code();
        Map<String, List<Duration>> stays = new HashMap<>();
        for (ImportedCase c : cases) {
            List<StepEvent> events = c.events().stream()
                    .map(e -> new StepEvent(e.type(), e.step(), e.at(), e.index(), Optional.empty()))
                    .toList();
            List<StepVisit> visits = JourneyStatus.visits(version, events, c.logged().last().at());
            // a journey starts in the first step; a case that moves elsewhere at once never stayed there
            boolean startsInFirstStep = c.events().size() > 2 && c.events().get(1).step().orElseThrow().equals(firstStep);
            for (StepVisit visit : startsInFirstStep ? visits : visits.subList(Math.min(1, visits.size()), visits.size())) {
                stays.computeIfAbsent(visit.step(), k -> new ArrayList<>()).add(visit.worked());
            }
        }
        return stays;
    }

    /** The activity most often behind a step names it (ties: the first by name). */
    private static LocalizedText named(Map<String, Integer> activities) {
        String name = activities.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
        return new LocalizedText(name, name);
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * A target as an agency would write it: minutes under an hour, whole hours under a working day,
     * else whole working days; never zero, never past the longest target Tamroi accepts.
     */
    static WorkingDuration firstGuess(Duration median, WorkingCalendar calendar, int maxWorkingDays) {
        long seconds = median.toSeconds();
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return new WorkingDuration(minutes, WorkingDuration.Unit.MINUTES);
        }
        long hours = Math.max(1, Math.round(seconds / 3600.0));
        Duration day = calendar.workingDay();
        if (Duration.ofHours(hours).compareTo(day) < 0) {
            return new WorkingDuration(hours, WorkingDuration.Unit.HOURS);
        }
        long days = Math.max(1, Math.round((double) seconds / day.toSeconds()));
        return new WorkingDuration(Math.min(days, maxWorkingDays), WorkingDuration.Unit.DAYS);
    }
}
