package app.tamroi.usecase;

/**
 * The store refused what it was sent (SQL state classes 22 and 23 and their like): the fault lies
 * with the data, so trying the same again cannot help, and only what carried that data is refused.
 */
public class StoreRefusedException extends RuntimeException {

    private final String sqlState;

    public StoreRefusedException(String sqlState, Throwable cause) {
        super("the database refused the data (SQL state " + sqlState + ")", cause);
        this.sqlState = sqlState;
    }

    /**
     * The refusal behind a failure, however it travelled (Hibernate wraps it): SQL state classes 22
     * (data exception) and 23 (integrity constraint), or this exception itself.
     */
    public static java.util.Optional<StoreRefusedException> behind(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof StoreRefusedException refused) {
                return java.util.Optional.of(refused);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return java.util.Optional.of(new StoreRefusedException(sql.getSQLState(), sql));
            }
        }
        return java.util.Optional.empty();
    }

    public String sqlState() {
        return sqlState;
    }
}
