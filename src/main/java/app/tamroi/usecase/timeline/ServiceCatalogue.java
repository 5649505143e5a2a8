package app.tamroi.usecase.timeline;

import app.tamroi.usecase.timeline.port.ServiceVersions;
import app.tamroi.domain.service.ServiceHistory;
import app.tamroi.domain.service.ServiceVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every service's published versions, held in memory because every event and every status page
 * needs them. Another instance may publish meanwhile, so the copy is refreshed when it is older
 * than a few seconds, or when a code is unknown and the copy is older than a second: a batch
 * naming a thousand unknown codes costs at most one reload, not a thousand.
 */
@ApplicationScoped
public class ServiceCatalogue {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Duration UNKNOWN_CODES_RECHECKED_AFTER = Duration.ofSeconds(1);

    private final ServiceVersions versions;
    private final Clock clock;
    private volatile Map<String, ServiceHistory> histories = Map.of();
    private volatile Instant loadedAt = Instant.MIN;

    public ServiceCatalogue(ServiceVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public Optional<ServiceHistory> history(String code) {
        if (code == null) {
            return Optional.empty();
        }
        refreshIfStale();
        ServiceHistory found = histories.get(code);
        if (found == null && loadedAt.plus(UNKNOWN_CODES_RECHECKED_AFTER).isBefore(clock.instant())) {
            reload();
            found = histories.get(code);
        }
        return Optional.ofNullable(found);
    }

    public List<ServiceHistory> all() {
        refreshIfStale();
        return histories.values().stream()
                .sorted(Comparator.comparing(h -> h.current().serviceCode()))
                .toList();
    }

    public synchronized void reload() {
        Map<String, List<ServiceVersion>> byCode = versions.all().stream()
                .collect(Collectors.groupingBy(ServiceVersion::serviceCode));
        Map<String, ServiceHistory> fresh = new ConcurrentHashMap<>();
        byCode.forEach((code, list) -> fresh.put(code, new ServiceHistory(list)));
        histories = fresh;
        loadedAt = clock.instant();
    }

    private void refreshIfStale() {
        if (loadedAt.plus(FRESH_FOR).isBefore(clock.instant())) {
            reload();
        }
    }
}
