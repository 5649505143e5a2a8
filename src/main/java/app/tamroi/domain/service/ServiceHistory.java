package app.tamroi.domain.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every published version of one service, in order; decides which one an application follows. */
public record ServiceHistory(List<ServiceVersion> versions) {

    public ServiceHistory {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("a service history has at least one version");
        }
        versions = versions.stream().sorted(Comparator.comparingInt(ServiceVersion::number)).toList();
    }

    public ServiceVersion current() {
        return versions.get(versions.size() - 1);
    }

    public Optional<ServiceVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * The one rule for which version an application follows: the one in effect at its submission;
     * until its submission is known, the current one.
     */
    public ServiceVersion followedFrom(Optional<Instant> submittedAt) {
        return submittedAt.map(this::inEffectAt).orElseGet(this::current);
    }

    /**
     * The version in effect at a submission instant; an application submitted before the first
     * publication follows the first version.
     */
    public ServiceVersion inEffectAt(Instant submittedAt) {
        ServiceVersion chosen = versions.get(0);
        for (ServiceVersion v : versions) {
            if (!v.publishedAt().isAfter(submittedAt)) {
                chosen = v;
            }
        }
        return chosen;
    }
}
