package app.tamroi.process;

import java.time.Duration;
import java.util.Locale;

/**
 * How much a fault test streams. SMALL runs in every CI build and keeps the whole suite short;
 * FULL is the documented load run ({@code -Dtamroi.faults.scale=full}) whose figures are in
 * docs/faults.md. {@code -Dtamroi.faults.applications=N} and {@code -Dtamroi.faults.rate=R}
 * override either for a run of your own.
 *
 * @param applications how many applications each test's back offices report on
 * @param eventsPerSecond the pace of the stream, so that a fault lands while events still arrive
 */
record Scale(String name, int applications, int eventsPerSecond) {

    static final String PROPERTY = "tamroi.faults.scale";

    static Scale current() {
        String name = System.getProperty(PROPERTY, "small").toLowerCase(Locale.ROOT);
        Scale preset = switch (name) {
            case "small" -> new Scale(name, 1_500, 600);
            case "full" -> new Scale(name, 30_000, 4_000);
            default -> throw new IllegalArgumentException(PROPERTY + " is small or full, not " + name);
        };
        return new Scale(name,
                Integer.getInteger("tamroi.faults.applications", preset.applications()),
                Integer.getInteger("tamroi.faults.rate", preset.eventsPerSecond()));
    }

    /** What a test may wait for the last of its events, with room for a slow, shared machine. */
    Duration patience(int events) {
        return Duration.ofSeconds(90).plusMillis(events * 4_000L / eventsPerSecond);
    }
}
