package app.tamroi.usecase.timeline;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import app.tamroi.usecase.InputText;
import app.tamroi.usecase.Limits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What a timeline may say before it is published: texts that can be stored and read back as sent,
 * a promise and targets of at most a few working years, fractions with a few decimals. A timeline
 * past these bounds could be stored but not computed, or not read back, and would then fail every
 * application of the service.
 */
final class TimelineLimits {

    private TimelineLimits() {
    }

    static void check(ServiceDefinition definition, Limits limits) {
        Limits.Text text = limits.text();
        texts(definition.name(), "name", text.maxName(), false);
        definition.description().ifPresent(d -> texts(d, "description", text.maxDescription(), true));
        for (Step step : definition.steps()) {
            texts(step.name(), "step '" + step.code() + "' name", text.maxName(), false);
        }

        Limits.Timeline timeline = limits.timeline();
        WorkingCalendar calendar = definition.calendar();
        Duration most = calendar.workingDay().multipliedBy(timeline.maxWorkingDays());
        String mostInWords = timeline.maxWorkingDays() + " working days";
        Duration planned = Duration.ZERO;
        for (int i = 0; i < definition.steps().size(); i++) {
            Step step = definition.steps().get(i);
            if (calendar.lengthOf(step.target()).compareTo(most) > 0) {
                throw new InvalidTimelineException("step '" + step.code() + "' has a target of " + step.target()
                        + ", longer than " + mostInWords + ", the longest Tamroi accepts");
            }
            planned = planned.plus(definition.plannedTime(i));
        }
        if (planned.compareTo(most) > 0) {
            throw new InvalidTimelineException("the steps' targets add up to more than " + mostInWords
                    + ", the longest journey Tamroi accepts");
        }
        Optional<WorkingDuration> promise = definition.promise();
        if (promise.isPresent() && calendar.lengthOf(promise.get()).compareTo(most) > 0) {
            throw new InvalidTimelineException("the promise of " + promise.get() + " is longer than " + mostInWords
                    + ", the longest Tamroi accepts");
        }
        fraction(definition.aheadFraction(), "aheadFraction", timeline.maxFractionDecimals());
        fraction(definition.atRiskFraction(), "atRiskFraction", timeline.maxFractionDecimals());
    }

    private static void texts(LocalizedText t, String what, int max, boolean prose) {
        // a text given in one language stands for both: name the language only when the two differ
        boolean one = t.th().equals(t.en());
        text(t.th(), one ? what : what + " (th)", max, prose);
        text(t.en(), one ? what : what + " (en)", max, prose);
    }

    private static void text(String value, String what, int max, boolean prose) {
        if (value.length() > max) {
            throw new InvalidTimelineException(what + " is longer than " + max + " characters");
        }
        (prose ? InputText.flawInProse(value) : InputText.flawInLine(value))
                .ifPresent(flaw -> {
                    throw new InvalidTimelineException(what + " " + flaw);
                });
    }

    private static void fraction(BigDecimal value, String what, int maxDecimals) {
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            throw new InvalidTimelineException(what + " has more than " + maxDecimals + " decimals: write it like 0.1 or 0.85");
        }
    }
}
