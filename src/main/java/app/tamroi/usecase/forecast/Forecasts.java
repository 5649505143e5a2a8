package app.tamroi.usecase.forecast;

import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.forecast.Forecaster;
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

    /**
     * What was learned for one key, once read ({@code outlook} completes then), when it was read,
     * and whether a caller is reading it again.
     */
    private record Learned(CompletableFuture<Forecaster.Outlook> outlook, Instant readAt, AtomicBoolean rereading) {

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
        }
    }

    /** Empty once the application has ended or before it has a current step. */
    public Optional<Forecast> of(JourneyStatus status) {
        return Position.of(status).map(position -> {
            ServiceVersion version = status.serviceVersion();
            LocalDate day = status.asOf().atZone(version.definition().calendar().zone()).toLocalDate();
            return outlook(version, day).forecast(position);
        });
    }

    /**
     * The outlook for a version and day, read from the tallies at most once per {@code reuseFor}
     * and by one caller at a time: on a busy service the first caller of a day reads while the
     * others wait for its answer, and once it is due again one caller reads it again while the
     * others go on answering from what was learned until that is done.
     */
    private Forecaster.Outlook outlook(ServiceVersion version, LocalDate day) {
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
        if (!known.outlook().isDone() || known.readAt().plus(settings.reuseFor()).isAfter(now)
                || !known.rereading().compareAndSet(false, true)) {
            return answer(known);
        }
        return read(key, version, new Learned(now), known);
    }

    /** Reads the outlook into {@code mine} and keeps it; should that fail, what was known before stays. */
    private Forecaster.Outlook read(Key key, ServiceVersion version, Learned mine, Learned before) {
        try {
            ServiceStatistics statistics = new ServiceStatistics();
            int window = settings.windowDays();
            tallies.forDay(key.serviceCode(), key.day(), key.day().minusDays(window),
                    key.day().minusDays(ServiceStatistics.PACE_DAYS)).forEach(c -> statistics.add(c.entry(), c.count()));
            Forecaster.Outlook outlook = forecaster.outlook(statistics.asOf(key.day(), window), version,
                    statistics.queuesAsOf(key.day(), version.definition().calendar()));
            mine.outlook().complete(outlook);
            learned.put(key, mine);
            return outlook;
        } catch (RuntimeException e) {
            if (before == null) {
                learned.remove(key, mine);
            } else {
                before.rereading().set(false);
            }
            mine.outlook().completeExceptionally(e);
            throw e;
        }
    }

    private static Forecaster.Outlook answer(Learned known) {
        try {
            return known.outlook().join();
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
