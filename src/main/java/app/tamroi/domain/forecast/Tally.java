package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepVisit;
import app.tamroi.domain.service.ServiceVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one application's events add to its service's statistics, as counts filed under local days
 * of the service's calendar: every entry into and exit from a step (the queues), each visit's
 * working time and where it went next, on the day it was left, and, once the journey has ended,
 * the journey itself and its whole working time (what the forecaster and a plan drawn from
 * history learn from).
 *
 * <p>It depends on the events alone, never on the clock, so the statistics kept by adding, at each
 * batch, {@code of(events after) − of(events before)} are exactly those a replay of the whole log
 * sums, whatever order the events arrived in: an event sent late and dated in the past moves its
 * counts to where they belong.
 */
public final class Tally {

    /** What a count counts. The code is what the store keeps. */
    public enum Kind {
        /** Journeys that ended; item: the outcome. */
        ENDED('J'),
        /** Visits left, by their working time; item: "elapsed band at entry:bin of {@link StepTimes}". */
        VISIT('V'),
        /** Where visits went when left; item: "elapsed band at entry:{@link Next#key()}". */
        NEXT('N'),
        /** Ended journeys by their whole working time, what the promise is held against; item: the bin. */
        WHOLE('W'),
        /** Applications that entered a step. */
        ENTERED('E'),
        /** Applications that left a step. */
        LEFT('L');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }

        public static Kind ofCode(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no tally kind '" + code + "'");
        }
    }

    /** One counter: a day, a kind, a step ("" for a whole journey) and an item ("" when the kind has none). */
    public record Entry(LocalDate day, Kind kind, String step, String item) {

        public static final Comparator<Entry> ORDER = Comparator.comparing(Entry::day).thenComparing(Entry::kind)
                .thenComparing(Entry::step).thenComparing(Entry::item);
    }

    public static final Tally NONE = new Tally(Map.of());

    private final Map<Entry, Long> counts;

    private Tally(Map<Entry, Long> counts) {
        this.counts = counts;
    }

    public static Tally of(ServiceVersion version, Collection<StepEvent> events) {
        Optional<Instant> last = events.stream().map(StepEvent::occurredAt).max(Comparator.naturalOrder());
        if (last.isEmpty()) {
            return NONE;
        }
        // the walk up to the last event: an open visit's entry counts, its working time so far does not
        JourneyStatus.Trail trail = JourneyStatus.trail(version, events, last.get());
        List<StepVisit> visits = trail.visits();
        if (visits.isEmpty()) {
            return NONE;
        }
        ZoneId zone = version.definition().calendar().zone();
        double workingDay = StepTimes.minutes(version.definition().calendar().workingDay());
        Map<Entry, Long> counts = new HashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            StepVisit visit = visits.get(i);
            add(counts, new Entry(day(visit.enteredAt(), zone), Kind.ENTERED, visit.step(), ""), 1);
            if (visit.leftAt().isEmpty()) {
                continue;
            }
            // a visit is learned the day it is left, journey over or not: waiting for the end would
            // learn the slow ones last, and a step that slows down would show late
            LocalDate left = day(visit.leftAt().get(), zone);
            int band = ElapsedBand.of(StepTimes.minutes(visit.elapsedBefore()), workingDay);
            add(counts, new Entry(left, Kind.LEFT, visit.step(), ""), 1);
            add(counts, new Entry(left, Kind.VISIT, visit.step(), band + ":" + StepTimes.binOf(visit.worked())), 1);
            Optional<Next> next = i + 1 < visits.size() ? Optional.of(new Next.ToStep(visits.get(i + 1).step()))
                    : trail.outcome().map(Next.End::new);
            next.ifPresent(n -> add(counts, new Entry(left, Kind.NEXT, visit.step(), band + ":" + n.key()), 1));
        }
        if (trail.outcome().isPresent()) {
            LocalDate ended = day(trail.endedAt().orElseThrow(), zone);
            add(counts, new Entry(ended, Kind.ENDED, "", trail.outcome().get().name()), 1);
            add(counts, new Entry(ended, Kind.WHOLE, "", Integer.toString(StepTimes.binOf(trail.elapsed()))), 1);
        }
        return new Tally(counts);
    }

    /** What must be added to go from {@code before} to this: only the counts that differ. */
    public Tally minus(Tally before) {
        Map<Entry, Long> delta = new HashMap<>(counts);
        before.counts.forEach((entry, n) -> add(delta, entry, -n));
        return new Tally(delta);
    }

    /** The non-zero counts, in a stable order (the order a store locks them in). */
    public List<Map.Entry<Entry, Long>> counts() {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Entry.ORDER)).toList();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The sum of several tallies, for one batch's write. */
    public static Tally sum(Collection<Tally> tallies) {
        Map<Entry, Long> sum = new HashMap<>();
        tallies.forEach(t -> t.counts.forEach((entry, n) -> add(sum, entry, n)));
        return new Tally(sum);
    }

    /** The elapsed band of a VISIT or NEXT item. */
    static int band(String item) {
        return Integer.parseInt(item.substring(0, item.indexOf(':')));
    }

    /** What a VISIT or NEXT item counts within its band. */
    static String banded(String item) {
        return item.substring(item.indexOf(':') + 1);
    }

    private static void add(Map<Entry, Long> counts, Entry entry, long n) {
        counts.merge(entry, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
