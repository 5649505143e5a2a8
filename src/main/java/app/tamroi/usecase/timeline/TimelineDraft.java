package app.tamroi.usecase.timeline;

import app.tamroi.usecase.timeline.port.SharedCalendars;
import app.tamroi.domain.service.ServiceDefinition;

/**
 * A timeline as an agency wrote it, before it is checked: however it came (a JSON body, a file in
 * the operator's catalogue), it becomes a definition here or says in one sentence what is wrong.
 */
public interface TimelineDraft {

    /**
     * The definition of service {@code code} this draft describes, its calendar taken from the
     * shared ones when it names one.
     *
     * @throws InvalidTimelineException what is wrong with the draft, in words its author can act on
     */
    ServiceDefinition toDefinition(String code, SharedCalendars calendars);
}
