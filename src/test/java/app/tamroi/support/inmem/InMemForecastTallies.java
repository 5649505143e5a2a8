package app.tamroi.support.inmem;

import app.tamroi.domain.forecast.Tally;
import app.tamroi.usecase.forecast.port.ForecastTallies;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Forecast tallies in memory, read back as the PostgreSQL tallies are: shards summed, old paces folded into one day. */
public final class InMemForecastTallies implements ForecastTallies {

    private Map<String, Map<Tally.Entry, Long>> counts = new HashMap<>();

    @Override
    public void add(SortedMap<String, Tally> deltas, int shard) {
        deltas.forEach((serviceCode, delta) -> {
            Map<Tally.Entry, Long> service = counts.computeIfAbsent(serviceCode, s -> new HashMap<>());
            delta.counts().forEach(e -> service.merge(e.getKey(), e.getValue(), Long::sum));
        });
    }

    @Override
    public List<Counted> forDay(String serviceCode, LocalDate day, LocalDate windowFrom, LocalDate paceFrom) {
        Map<Tally.Entry, Long> summed = new HashMap<>();
        counts.getOrDefault(serviceCode, Map.of()).forEach((entry, count) -> {
            boolean pace = entry.kind() == Tally.Kind.ENTERED || entry.kind() == Tally.Kind.LEFT;
            if (!entry.day().isBefore(day) || !pace && entry.day().isBefore(windowFrom)) {
                return;
            }
            Tally.Entry at = pace && entry.day().isBefore(paceFrom)
                    ? new Tally.Entry(paceFrom.minusDays(1), entry.kind(), entry.step(), entry.item()) : entry;
            summed.merge(at, count, Long::sum);
        });
        List<Counted> counted = new ArrayList<>();
        summed.forEach((entry, count) -> {
            if (count != 0) {
                counted.add(new Counted(entry, count));
            }
        });
        return counted;
    }

    @Override
    public void replaceAll(Map<String, Tally> totals) {
        counts = new HashMap<>();
        add(new java.util.TreeMap<>(totals), 0);
    }

    Map<String, Map<Tally.Entry, Long>> snapshot() {
        Map<String, Map<Tally.Entry, Long>> copy = new HashMap<>();
        counts.forEach((service, entries) -> copy.put(service, new HashMap<>(entries)));
        return copy;
    }

    void restore(Map<String, Map<Tally.Entry, Long>> saved) {
        counts = saved;
    }
}
