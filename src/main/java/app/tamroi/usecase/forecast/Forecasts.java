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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
    private final Map<Key, Learned> learned;

    private record Key(String serviceCode, int version, LocalDate day) {
    }

    private record Learned(History history, Forecaster.Outlook outlook, Instant readAt) {
    }

    public Forecasts(ForecastTallies tallies, ForecastSettings settings, Clock clock) {
        this.tallies = tallies;
        this.settings = settings;
        this.clock = clock;
        this.forecaster = new Forecaster(settings.minimumSample(), settings.plays());
        int keep = settings.keep();
        this.learned = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Learned> eldest) {
                return size() > keep;
            }
        });
    }

    public boolean learning() {
        return settings.statistics();
    }

    /** Adds what a batch's events changed, within the batch's transaction. */
    public void learn(Map<String, Tally> deltas) {
        if (!settings.statistics()) {
            return;
        }
        // one shard per batch: concurrent batches of one service mostly write different rows
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        deltas.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().isEmpty())
                .forEach(e -> {
                    tallies.add(e.getKey(), e.getValue(), shard);
                    forget(e.getKey(), e.getValue());
                });
    }

    /**
     * What was learned for a day rests on the days before it: a count filed on an earlier day (an
     * event sent late) makes this instance read those days again. Other instances see it once
     * their copy is older than {@code reuse-for}.
     */
    private void forget(String serviceCode, Tally delta) {
        delta.counts().stream().map(c -> c.getKey().day()).min(LocalDate::compareTo).ifPresent(earliest -> {
            synchronized (learned) {
                learned.keySet().removeIf(k -> k.serviceCode().equals(serviceCode) && k.day().isAfter(earliest));
            }
        });
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

    private Learned learned(ServiceVersion version, LocalDate day) {
        Key key = new Key(version.serviceCode(), version.number(), day);
        Instant now = clock.instant();
        Learned known = learned.get(key);
        if (known != null && known.readAt().plus(settings.reuseFor()).isAfter(now)) {
            return known;
        }
        ServiceStatistics statistics = new ServiceStatistics();
        int window = settings.windowDays();
        tallies.forDay(version.serviceCode(), day, day.minusDays(window), day.minusDays(ServiceStatistics.PACE_DAYS))
                .forEach(c -> statistics.add(c.entry(), c.count()));
        History history = statistics.asOf(day, window, settings.halfLifeDays());
        Learned fresh = new Learned(history, forecaster.outlook(history, version,
                statistics.queuesAsOf(day, version.definition().calendar())), now);
        learned.put(key, fresh);
        return fresh;
    }
}
