package app.tamroi.usecase.timeline.port;

import app.tamroi.domain.calendar.WorkingCalendar;
import java.util.Optional;

/** Calendars kept once in operator configuration and named by service definitions. */
public interface SharedCalendars {
    Optional<WorkingCalendar> named(String name);
}
