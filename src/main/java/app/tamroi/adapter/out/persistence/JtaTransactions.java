package app.tamroi.adapter.out.persistence;

import app.tamroi.usecase.ingest.port.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Transactions as the JTA transactions every statement of the event log joins. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    public <T> T inNew(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
