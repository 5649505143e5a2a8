package app.tamroi.support.inmem;

import app.tamroi.usecase.ingest.IncomingStepEvent;

/**
 * A step event as a back office would send it, valid unless a test says otherwise: each setter
 * changes one attribute, so a test names only what it is about.
 */
public final class IncomingEvent {

    private String specversion = "1.0";
    private String id;
    private String source = "rd-backoffice";
    private String type;
    private String subject;
    private String time = "2026-11-30T09:00:00+07:00";
    private String service = "pit-refund";
    private String step;
    private String publicNote;

    private IncomingEvent(String id, String type, String subject) {
        this.id = id;
        this.type = type;
        this.subject = subject;
    }

    public static IncomingEvent submitted(String id, String subject) {
        return new IncomingEvent(id, "tamroi.application.submitted", subject);
    }

    public static IncomingEvent stepCompleted(String id, String subject, String step) {
        return new IncomingEvent(id, "tamroi.step.completed", subject).step(step);
    }

    public static IncomingEvent stepStarted(String id, String subject, String step) {
        return new IncomingEvent(id, "tamroi.step.started", subject).step(step);
    }

    public IncomingEvent specversion(String value) {
        specversion = value;
        return this;
    }

    public IncomingEvent source(String value) {
        source = value;
        return this;
    }

    public IncomingEvent type(String value) {
        type = value;
        return this;
    }

    public IncomingEvent time(String value) {
        time = value;
        return this;
    }

    public IncomingEvent service(String value) {
        service = value;
        return this;
    }

    public IncomingEvent step(String value) {
        step = value;
        return this;
    }

    public IncomingEvent publicNote(String value) {
        publicNote = value;
        return this;
    }

    public IncomingStepEvent read() {
        return new IncomingStepEvent(specversion, id, source, type, subject, time, service, step, publicNote, null);
    }
}
