package app.tamroi.usecase.timeline;

/** Two publications of one service raced; the caller may simply send it again. */
public class ConcurrentPublicationException extends RuntimeException {
    public ConcurrentPublicationException(String code) {
        super("another version of service '" + code + "' was published at the same moment; send the timeline again");
    }
}
