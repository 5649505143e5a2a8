package app.tamroi.usecase.importlog;

import app.tamroi.domain.journey.StepEventType;
import java.util.HashSet;
import java.util.Set;

/**
 * How a case's last activity ends its application: completed, unless the agency names the
 * activity as a rejection or a withdrawal.
 */
public record Endings(Set<String> rejected, Set<String> withdrawn) {

    public static final Endings ALL_COMPLETED = new Endings(Set.of(), Set.of());

    public Endings {
        rejected = Set.copyOf(rejected == null ? Set.of() : rejected);
        withdrawn = Set.copyOf(withdrawn == null ? Set.of() : withdrawn);
        Set<String> both = new HashSet<>(rejected);
        both.retainAll(withdrawn);
        if (!both.isEmpty()) {
            throw new InvalidEventLogException("activity '" + both.iterator().next()
                    + "' cannot end a case both as a rejection and as a withdrawal");
        }
    }

    public StepEventType after(String lastActivity) {
        if (rejected.contains(lastActivity)) {
            return StepEventType.REJECTED;
        }
        return withdrawn.contains(lastActivity) ? StepEventType.WITHDRAWN : StepEventType.COMPLETED;
    }
}
