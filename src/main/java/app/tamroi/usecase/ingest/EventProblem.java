package app.tamroi.usecase.ingest;

/**
 * Why an event was refused, in the terms of RFC 9457: a status, a short title for the kind of
 * problem and a detail that says what to fix.
 */
public record EventProblem(int status, String kind, String title, String detail) {

    static EventProblem invalid(String detail) {
        return new EventProblem(400, "invalid-event", "The event is not a valid Tamroi step event", detail);
    }

    static EventProblem unprocessable(String kind, String title, String detail) {
        return new EventProblem(422, kind, title, detail);
    }

    static EventProblem unstorable(String detail) {
        return new EventProblem(422, "unstorable-event", "The event could not be stored", detail);
    }

    static EventProblem forbidden(String detail) {
        return new EventProblem(403, "forbidden", "Not your agency's service", detail);
    }
}
