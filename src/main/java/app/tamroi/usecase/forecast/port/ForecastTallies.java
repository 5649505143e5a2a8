package app.tamroi.usecase.forecast.port;

import app.tamroi.domain.forecast.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Where each service's daily tallies are kept, added to batch by batch. A port. */
public interface ForecastTallies {

    record Counted(Tally.Entry entry, long count) {
    }

    /**
     * Adds each service's counts under {@code shard}, in one go, within the caller's transaction;
     * services in the order of their codes and each tally in its stable order, so that concurrent
     * callers lock the rows they share in the same order.
     */
    void add(SortedMap<String, Tally> deltas, int shard);

    /**
     * The counts a forecast on {@code day} rests on, summed over shards: journeys, visits and where
     * they went from {@code windowFrom} to the day before {@code day}; entries into and exits from
     * steps from {@code paceFrom} on, and everything before {@code paceFrom} summed into the day
     * before it.
     */
    List<Counted> forDay(String serviceCode, LocalDate day, LocalDate windowFrom, LocalDate paceFrom);

    /** Replaces every count by these totals, per service, in one transaction: what a replay of the log ends with. */
    void replaceAll(Map<String, Tally> totals);
}
