package app.tamroi.adapter.in.rest;

import app.tamroi.usecase.Limits;

/** What every JSON body of the API must be before it is read at all: not empty, and within the size limit. */
final class RequestBody {

    private RequestBody() {
    }

    /** A body refused before anything in it was looked at. */
    static final class Refused extends RuntimeException {
        final transient Problem problem;

        Refused(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * @param expected what the body should hold, for the sender of an empty one
     * @param advice what to do with one too large, added to its size
     */
    static byte[] checked(byte[] body, Limits.Body limits, String expected, String advice) {
        if (body == null || body.length == 0) {
            throw new Refused(Problem.of(400, "malformed-json", "The body is empty", "send " + expected + " as JSON"));
        }
        if (body.length > limits.maxBytes()) {
            throw new Refused(Problem.of(413, "body-too-large", "The body is larger than " + inWords(limits.maxBytes()),
                    "this body has " + body.length + " bytes" + advice));
        }
        return body;
    }

    static String inWords(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
