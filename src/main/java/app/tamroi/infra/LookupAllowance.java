package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many public lookups each client address has left: a token bucket per address holding
 * {@code tamroi.limits.lookups.burst} lookups, refilled at {@code per-minute}. Enough for a citizen
 * checking a few codes, or a family's, and far too few to walk the space of codes.
 *
 * <p>At most {@code max-clients} addresses are remembered, the least recently seen forgotten
 * first, so that a flood of addresses costs bounded memory (a few hundred bytes each); a forgotten
 * address starts again with a full bucket, which errs towards the visitor.
 */
@ApplicationScoped
public class LookupAllowance {

    private final Bandwidth perClient;
    private final Map<String, Bucket> buckets;

    public LookupAllowance(Limits limits) {
        Limits.Lookups lookups = limits.lookups();
        this.perClient = Bandwidth.builder().capacity(lookups.burst())
                .refillGreedy(lookups.perMinute(), Duration.ofMinutes(1)).build();
        int maxClients = lookups.maxClients();
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /**
     * Takes one lookup from the client's bucket: empty when it may go ahead, else how long until it
     * may, in whole seconds (rounded up, so that a retry after it is not refused again).
     */
    public Optional<Duration> take(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> Bucket.builder().addLimit(perClient).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).plusNanos(999_999_999).toSeconds());
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
