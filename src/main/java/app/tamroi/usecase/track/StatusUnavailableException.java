package app.tamroi.usecase.track;

/**
 * One application's status cannot be worked out (its service's stored timeline is unreadable, say).
 * It is that application's problem alone: every other page keeps working.
 */
public class StatusUnavailableException extends RuntimeException {
    public StatusUnavailableException(String trackingCode, Throwable cause) {
        super("the status of application " + trackingCode + " cannot be worked out", cause);
    }
}
