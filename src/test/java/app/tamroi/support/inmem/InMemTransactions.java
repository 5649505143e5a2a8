package app.tamroi.support.inmem;

import app.tamroi.usecase.ingest.port.Transactions;
import java.util.function.Supplier;

/** Transactions over the in-memory log and tallies: what a failed unit of work wrote is undone. */
public final class InMemTransactions implements Transactions {

    private final InMemEventLog log;
    private final InMemForecastTallies tallies;
    private int begun;

    public InMemTransactions(InMemEventLog log, InMemForecastTallies tallies) {
        this.log = log;
        this.tallies = tallies;
    }

    @Override
    public <T> T inNew(Supplier<T> work) {
        begun++;
        InMemEventLog.State before = log.snapshot();
        var talliesBefore = tallies.snapshot();
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.restore(before);
            tallies.restore(talliesBefore);
            throw e;
        }
    }

    /** How many transactions were begun, committed or not. */
    public int begun() {
        return begun;
    }
}
