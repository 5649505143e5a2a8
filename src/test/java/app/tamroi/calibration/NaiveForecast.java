package app.tamroi.calibration;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.ServiceVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline any forecast must beat: the median working time that training cases still needed
 * after a prefix ending in the same place, added to the prefix's instant in the service's calendar.
 * Learned from the training cases only (the first four fifths), over the same prefixes 2 … n−1 the
 * test cases are asked at.
 */
public final class NaiveForecast {

    /** What makes two prefixes "the same place". */
    public enum Key {
        /** The activity of the prefix's last event, as the published baseline counts it. */
        LAST_ACTIVITY,
        /** The step the application is in, as Tamroi sees it: what the forecaster itself is told. */
        CURRENT_STEP
    }

    private static final String ANYWHERE = "";

    private final Key key;
    private final ServiceVersion version;
    private final Map<String, Duration> medians;

    private NaiveForecast(Key key, ServiceVersion version, Map<String, Duration> medians) {
        this.key = key;
        this.version = version;
        this.medians = medians;
    }

    public static NaiveForecast learn(Workload workload, Key key) {
        WorkingCalendar calendar = workload.calendar();
        Map<String, List<Duration>> remaining = new HashMap<>();
        for (LoggedCase c : workload.training()) {
            for (int k = 2; k < c.events().size(); k++) {
                Duration left = calendar.workingTimeBetween(c.at(k), c.end());
                remaining.computeIfAbsent(place(key, workload.version(), c, k), p -> new ArrayList<>()).add(left);
                remaining.computeIfAbsent(ANYWHERE, p -> new ArrayList<>()).add(left);
            }
        }
        Map<String, Duration> medians = new HashMap<>();
        remaining.forEach((place, list) -> medians.put(place, median(list)));
        return new NaiveForecast(key, workload.version(), medians);
    }

    /** The baseline's date for the prefix of k events of {@code c}; a place training never saw takes the median of all. */
    public Instant at(LoggedCase c, int k) {
        Duration median = medians.getOrDefault(place(key, version, c, k), medians.getOrDefault(ANYWHERE, Duration.ZERO));
        return version.definition().calendar().addWorkingTime(c.at(k), median);
    }

    private static String place(Key key, ServiceVersion version, LoggedCase c, int k) {
        return switch (key) {
            case LAST_ACTIVITY -> c.activity(k);
            case CURRENT_STEP -> JourneyStatus.of(version, c.stepEvents(), c.at(k)).currentStep().map(s -> s.step().code()).orElse("(none)");
        };
    }

    private static Duration median(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
