package app.tamroi.usecase.timeline;

/** A timeline definition that cannot be published; the message tells the agency what to fix. */
public class InvalidTimelineException extends IllegalArgumentException {
    public InvalidTimelineException(String message) {
        super(message);
    }
}
