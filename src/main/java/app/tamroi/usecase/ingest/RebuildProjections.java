package app.tamroi.usecase.ingest;

import app.tamroi.usecase.ingest.port.EventStore;
import app.tamroi.domain.application.Application;
import app.tamroi.domain.forecast.Tally;
import app.tamroi.usecase.forecast.port.ForecastTallies;
import app.tamroi.usecase.forecast.Forecasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the event log into every projection. The log is the truth and a projection only a cache,
 * so this is how a projection is repaired, or filled after its shape changes.
 */
// looked up by the rebuild-projections command, which the build cannot see
@io.quarkus.arc.Unremovable
@ApplicationScoped
public class RebuildProjections {

    static final int PAGE = 500;

    private final EventStore store;
    private final Projector projector;
    private final Forecasts forecasts;
    private final ForecastTallies tallies;
    private final Clock clock;

    public RebuildProjections(EventStore store, Projector projector, Forecasts forecasts, ForecastTallies tallies, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.forecasts = forecasts;
        this.tallies = tallies;
        this.clock = clock;
    }

    /**
     * Rebuilds every projection, then what forecasts learned, from the whole log. The learned
     * counts are summed in memory (they are per service and day, not per application) and
     * replace the stored ones in one transaction; an event ingested while the log is read may be
     * missed by them, so run it while ingestion is stopped.
     *
     * @return how many applications were rebuilt
     */
    public long rebuildAll() {
        Instant asOf = clock.instant();
        long rebuilt = 0;
        long after = 0;
        Map<String, Tally> learned = new HashMap<>();
        while (true) {
            List<Application> page = rebuildPage(after, asOf, learned);
            if (page.isEmpty()) {
                break;
            }
            rebuilt += page.size();
            after = page.get(page.size() - 1).id();
        }
        if (forecasts.learning()) {
            replaceLearned(learned);
        }
        return rebuilt;
    }

    /** One transaction a page, so a replay of millions never holds one open for long. */
    @Transactional
    List<Application> rebuildPage(long after, Instant asOf, Map<String, Tally> learned) {
        List<Application> page = store.page(after, PAGE);
        projector.reproject(page, asOf);
        if (forecasts.learning()) {
            projector.tallies(page).forEach((service, tally) -> learned.merge(service, tally, (a, b) -> Tally.sum(List.of(a, b))));
        }
        return page;
    }

    @Transactional
    void replaceLearned(Map<String, Tally> learned) {
        tallies.replaceAll(learned);
    }
}
