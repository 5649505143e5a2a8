package app.tamroi.usecase.ingest.port;

import java.util.function.Supplier;

/**
 * A unit of work that is stored whole or not at all. A port, so that ingestion decides where its
 * transactions begin and end (one per batch, one per half when a batch is split) without knowing
 * how they are kept.
 */
public interface Transactions {

    /** Runs the work in a transaction of its own, committed when it returns and rolled back when it throws. */
    <T> T inNew(Supplier<T> work);
}
