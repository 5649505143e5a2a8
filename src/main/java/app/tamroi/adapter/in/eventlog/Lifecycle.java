package app.tamroi.adapter.in.eventlog;

/**
 * Which events of a log count: only an activity's completion, when the log tells its lifecycle
 * (an event with none counts, as most logs record completions only).
 */
final class Lifecycle {

    private Lifecycle() {
    }

    static boolean counts(String transition) {
        return transition == null || transition.isBlank() || transition.trim().equalsIgnoreCase("complete");
    }
}
