package app.tamroi.adapter.in.eventlog;

import java.util.Optional;

/**
 * Which columns of a CSV event log hold what. The defaults are the XES attribute names, which most
 * process-mining tools also use as CSV headers. Without a lifecycle column named, a column
 * {@code lifecycle:transition} is used when the header has one.
 */
public record CsvLayout(String caseColumn, String activityColumn, String timeColumn, Optional<String> lifecycleColumn,
                        char delimiter) {

    public static final String CASE = "case:concept:name";
    public static final String ACTIVITY = "concept:name";
    public static final String TIME = "time:timestamp";
    public static final String LIFECYCLE = "lifecycle:transition";

    public static CsvLayout standard() {
        return new CsvLayout(CASE, ACTIVITY, TIME, Optional.empty(), ',');
    }
}
