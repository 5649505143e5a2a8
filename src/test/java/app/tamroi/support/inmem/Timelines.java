package app.tamroi.support.inmem;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Small service timelines for use-case tests: every step one working day, Monday to Friday in Bangkok. */
public final class Timelines {

    public static final WorkingCalendar WEEKDAYS_IN_BANGKOK = new WorkingCalendar(ZoneId.of("Asia/Bangkok"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Optional.empty(), Set.of());

    private Timelines() {
    }

    public static ServiceDefinition service(String code, String agency, String... steps) {
        return new ServiceDefinition(code, agency, new LocalizedText(code, code), Optional.empty(), Optional.empty(),
                WEEKDAYS_IN_BANGKOK, null, null, Arrays.stream(steps)
                        .map(s -> new Step(s, new LocalizedText(s, s), WorkingDuration.parse("1d"), StepOwner.AGENCY))
                        .toList());
    }
}
