package app.tamroi.usecase.ingest;

import app.tamroi.domain.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
    private final Clock clock;

    public RebuildProjections(EventStore store, Projector projector, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
    }

    /** @return how many applications were rebuilt */
    public long rebuildAll() {
        Instant asOf = clock.instant();
        long rebuilt = 0;
        long after = 0;
        while (true) {
            List<Application> page = rebuildPage(after, asOf);
            if (page.isEmpty()) {
                return rebuilt;
            }
            rebuilt += page.size();
            after = page.get(page.size() - 1).id();
        }
    }

    /** One transaction a page, so a replay of millions never holds one open for long. */
    @Transactional
    List<Application> rebuildPage(long after, Instant asOf) {
        List<Application> page = store.page(after, PAGE);
        projector.reproject(page, asOf);
        return page;
    }
}
