package app.tamroi.usecase;

/** What was asked for does not exist (or is not the caller's to see; the two look the same). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
