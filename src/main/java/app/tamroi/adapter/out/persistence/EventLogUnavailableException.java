package app.tamroi.adapter.out.persistence;

/** The database did not answer as expected; callers get a 503 and may retry. */
public class EventLogUnavailableException extends RuntimeException {
    public EventLogUnavailableException(Throwable cause) {
        super("the event log is unavailable: " + cause.getMessage(), cause);
    }
}
