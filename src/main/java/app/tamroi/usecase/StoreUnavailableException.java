package app.tamroi.usecase;

/** The store did not answer as expected; nothing was changed, and the caller may try again. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(Throwable cause) {
        super("the event log is unavailable: " + cause.getMessage(), cause);
    }
}
