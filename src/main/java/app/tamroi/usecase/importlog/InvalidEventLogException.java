package app.tamroi.usecase.importlog;

/**
 * An event log, or what was asked of its import, that cannot be imported: one line that names the
 * place to fix. Thrown before anything is stored.
 */
public class InvalidEventLogException extends RuntimeException {

    public InvalidEventLogException(String message) {
        super(message);
    }

    public InvalidEventLogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at one line of the file. */
    public static InvalidEventLogException at(long line, String problem) {
        return new InvalidEventLogException("line " + line + ": " + problem);
    }
}
