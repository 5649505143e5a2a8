package app.tamroi.usecase.access;

/** The caller is known but may not do this; nothing was changed. */
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
