package app.tamroi.usecase.forecast;

import app.tamroi.usecase.forecast.port.ForecastTallies;
import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.forecast.Forecaster;
import app.tamroi.domain.forecast.History;
import app.tamroi.domain.forecast.Position;
import app.tamroi.domain.forecast.ServiceStatistics;
import app.tamroi.domain.forecast.Tally;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.ServiceVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Learns from every journey as its events are ingested, and forecasts an open application from
 * what was learned by the start of the day it is asked about.
 *
 * <p>"As of the start of the day" makes a forecast reproducible: asked again later about the same
 * instant, with more history ingested since, it reads the same days' counts and so gives the same
 * answer. Only an event dated before that day and sent after the answer was given can change it;
 * that is the log saying the past was different, and the forecast follows the log.
 */
@ApplicationScoped
public class Forecasts {

    /** Shards a day's counters are spread over; see the forecast_tally migration. */
    static final int SHARDS = 16;

    private final ForecastTallies tallies;
    private final ForecastSettings settings;
    private final Clock clock;
    private final Forecaster forecaster;
    private final Map<Key, Learned> learned = new ConcurrentHashMap<>();

    private record Key(String serviceCode, int version, LocalDate day) {
    }

    /** What was learned of the service by the start of a day: the history, and the outlook played from it. */
    private record Read(History history, Forecaster.Outlook outlook) {
    }

    /**
     * What was learned for one key, once read ({@code read} completes then), when it was read,
     * and whether a caller is reading it again.
     */
    private record Learned(CompletableFuture<Read> read, Instant readAt, AtomicBoolean rereading) {

        Learned(Instant readAt) {
            this(new CompletableFuture<>(), readAt, new AtomicBoolean());
        }
    }

    public Forecasts(ForecastTallies tallies, ForecastSettings settings, Clock clock) {
        this.tallies = tallies;
        this.settings = settings;
        this.clock = clock;
        this.forecaster = new Forecaster(settings.minimumSample(), settings.plays());
    }

    public boolean learning() {
        return settings.statistics();
    }

    /** Adds what a batch's events changed, within the batch's transaction. */
    public void learn(Map<String, Tally> deltas) {
        if (!settings.statistics()) {
            return;
        }
        SortedMap<String, Tally> changed = new TreeMap<>();
        deltas.forEach((service, delta) -> {
            if (!delta.isEmpty()) {
                changed.put(service, delta);
            }
        });
        if (!changed.isEmpty()) {
            // one shard per batch: concurrent batches of one service mostly write different rows
            tallies.add(changed, ThreadLocalRandom.current().nextInt(SHARDS));
            changed.forEach(this::forget);
        }
    }

    /**
     * What was learned for a day rests on the days before it: a count filed on an earlier day (an
     * event sent late) makes this instance read those days again. Other instances see it once
     * their copy is older than {@code reuse-for}.
     */
    private void forget(String serviceCode, Tally delta) {
        delta.counts().stream().map(c -> c.getKey().day()).min(LocalDate::compareTo).ifPresent(earliest ->
                learned.keySet().removeIf(k -> k.serviceCode().equals(serviceCode) && k.day().isAfter(earliest)));
    }

    /** Empty once the application has ended or before it has a current step. */
    public Optional<Forecast> of(JourneyStatus status) {
        return Position.of(status).map(position -> {
            ServiceVersion version = status.serviceVersion();
            LocalDate day = status.asOf().atZone(version.definition().calendar().zone()).toLocalDate();
            return outlook(version, day).forecast(position);
        });
    }

    /** What was learned of the version's service by the start of {@code day}, over the window. */
    public History history(ServiceVersion version, LocalDate day) {
        return learned(version, day).history();
    }

    public int minimumSample() {
        return settings.minimumSample();
    }

    private Forecaster.Outlook outlook(ServiceVersion version, LocalDate day) {
        return learned(version, day).outlook();
    }

    /**
     * What was learned for a version and day, read from the tallies at most once per
     * {@code reuseFor} and by one caller at a time: on a busy service the first caller of a day
     * reads while the others wait for its answer, and once it is due again one caller reads it
     * again while the others go on answering from what was learned until that is done.
     */
    private Read learned(ServiceVersion version, LocalDate day) {
        Key key = new Key(version.serviceCode(), version.number(), day);
        Instant now = clock.instant();
        Learned known = learned.get(key);
        if (known == null) {
            Learned mine = new Learned(now);
            known = learned.putIfAbsent(key, mine);
            if (known == null) {
                forgetBeyondKeep();
                return read(key, version, mine, null);
            }
        }
        if (!known.read().isDone() || known.readAt().plus(settings.reuseFor()).isAfter(now)
                || !known.rereading().compareAndSet(false, true)) {
            return answer(known);
        }
        return read(key, version, new Learned(now), known);
    }

    /** Reads what was learned into {@code mine} and keeps it; should that fail, what was known before stays. */
    private Read read(Key key, ServiceVersion version, Learned mine, Learned before) {
        try {
            ServiceStatistics statistics = new ServiceStatistics();
            int window = settings.windowDays();
            tallies.forDay(key.serviceCode(), key.day(), key.day().minusDays(window),
                    key.day().minusDays(ServiceStatistics.PACE_DAYS)).forEach(c -> statistics.add(c.entry(), c.count()));
            History history = statistics.asOf(key.day(), window, settings.halfLifeDays());
            Read read = new Read(history, forecaster.outlook(history, version,
                    statistics.queuesAsOf(key.day(), version.definition().calendar())));
            mine.read().complete(read);
            learned.put(key, mine);
            return read;
        } catch (RuntimeException e) {
            if (before == null) {
                learned.remove(key, mine);
            } else {
                before.rereading().set(false);
            }
            mine.read().completeExceptionally(e);
            throw e;
        }
    }

    private static Read answer(Learned known) {
        try {
            return known.read().join();
        } catch (CompletionException e) {
            // the caller that read it failed: its failure (a store outage, say) is this caller's too
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Keeps at most {@code keep} services-and-days, dropping those read longest ago. */
    private void forgetBeyondKeep() {
        int over = learned.size() - settings.keep();
        if (over > 0) {
            learned.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(Learned::readAt)))
                    .limit(over).toList().forEach(e -> learned.remove(e.getKey(), e.getValue()));
        }
    }
}
