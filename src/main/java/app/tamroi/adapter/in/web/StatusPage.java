package app.tamroi.adapter.in.web;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.Status;
import app.tamroi.domain.journey.StepProgress;
import app.tamroi.domain.journey.StepState;
import app.tamroi.usecase.track.TrackedApplication;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the citizen's status page shows, already in the citizen's language and the service's time
 * zone, so the template only lays it out. Carries the journey and nothing about the person.
 */
public record StatusPage(
        String serviceName,
        String agencyName,
        String trackingCode,
        Status status,
        Optional<String> expectedBy,
        Optional<String> promisedBy,
        Optional<Outlook> outlook,
        Optional<String> endedAt,
        Optional<Gap> gap,
        String promise,
        Optional<String> elapsed,
        Optional<String> currentStep,
        Optional<String> inCurrentStep,
        Optional<String> submittedAt,
        String asOf,
        Optional<String> publicNote,
        String zone,
        List<StepLine> steps) {

    /** How far the journey runs from its promise; for an ended one, how far it finished from it. */
    public record Gap(Direction direction, String amount) {
        public String tone() {
            return direction.name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Direction { EARLY, EXACT, LATE }

    /** The forecast in the citizen's words: from history, the days by which half and 8 in 10 were done; else only the plan. */
    public record Outlook(boolean fromHistory, Optional<String> halfBy, Optional<String> mostBy) {
    }

    public record StepLine(
            String name,
            StepState state,
            boolean citizensStep,
            Optional<String> target,
            Optional<String> taken,
            Optional<String> overTarget,
            Optional<String> startedAt,
            Optional<String> endedAt) {

        public boolean current() {
            return state == StepState.CURRENT;
        }

        public boolean done() {
            return state == StepState.DONE;
        }

        /** A class name for the look of the state; the state is always written out as well. */
        public String tone() {
            return state.name().toLowerCase(Locale.ROOT);
        }
    }

    public static StatusPage of(TrackedApplication tracked, PageLanguage language) {
        JourneyStatus s = tracked.status();
        WorkingCalendar calendar = s.serviceVersion().definition().calendar();
        TimeWords words = new TimeWords(language, calendar.zone(), calendar.workingDay());
        Locale locale = language.locale();
        boolean running = !s.status().ended() && s.status() != Status.NOT_SUBMITTED;
        boolean started = s.status() != Status.NOT_SUBMITTED;
        return new StatusPage(
                s.serviceVersion().definition().name().in(locale),
                tracked.agency().name().in(locale),
                tracked.application().trackingCode().grouped(),
                s.status(),
                running ? s.schedule().expectedBy().map(words::dateTime) : Optional.empty(),
                running ? s.schedule().promisedBy().map(words::dateTime) : Optional.empty(),
                running ? outlook(tracked, words) : Optional.empty(),
                s.outcome().map(o -> words.dateTime(o.endedAt())),
                gap(s, words),
                words.workingDays(s.clock().promise()),
                started ? Optional.of(words.duration(s.clock().elapsed())) : Optional.empty(),
                s.currentStep().map(c -> c.step().name().in(locale)),
                s.currentStep().map(c -> words.duration(c.timeInStep())),
                s.clock().submittedAt().map(words::shortDateTime),
                words.shortDateTime(s.asOf()),
                s.publicNote().filter(note -> !note.isBlank()),
                calendar.zone().getId(),
                s.steps().stream().map(p -> step(p, words, locale)).toList());
    }

    private static Optional<Outlook> outlook(TrackedApplication tracked, TimeWords words) {
        return tracked.forecast().map(f -> new Outlook(f.basis() == Forecast.Basis.HISTORY,
                tracked.p50By().map(words::date), tracked.p80By().map(words::date)));
    }

    /** A class name for the badge's look; the status is always written out as well. */
    public String tone() {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean ended() {
        return status.ended();
    }

    public boolean notSubmitted() {
        return status == Status.NOT_SUBMITTED;
    }

    public boolean waitingOnCitizen() {
        return status == Status.WAITING_ON_CITIZEN;
    }

    private static Optional<Gap> gap(JourneyStatus s, TimeWords words) {
        return switch (s.status()) {
            case AHEAD, ON_TRACK, BEHIND, WAITING_ON_CITIZEN -> Optional.of(gap(s.schedule().slack(), words));
            case COMPLETED_ON_TIME, COMPLETED_LATE -> s.outcome().map(o -> gap(o.variance(), words));
            // a refused or withdrawn application was never going to meet or miss the promise
            case REJECTED, WITHDRAWN, NOT_SUBMITTED -> Optional.empty();
        };
    }

    /** Slack and variance are both "promise minus what it takes": positive is early. */
    private static Gap gap(Duration promiseLeftOver, TimeWords words) {
        Direction direction = promiseLeftOver.isZero() ? Direction.EXACT
                : promiseLeftOver.isNegative() ? Direction.LATE : Direction.EARLY;
        return new Gap(direction, words.duration(promiseLeftOver.abs()));
    }

    private static StepLine step(StepProgress p, TimeWords words, Locale locale) {
        boolean citizens = p.step().ownedByCitizen();
        boolean underWay = p.state() == StepState.DONE || p.state() == StepState.CURRENT;
        boolean counted = !citizens && p.state() != StepState.SKIPPED;
        Duration over = p.actual().minus(p.planned());
        boolean overTarget = counted && underWay && JourneyStatus.minutes(over) > 0;
        return new StepLine(
                p.step().name().in(locale),
                p.state(),
                citizens,
                counted ? Optional.of(words.duration(p.planned())) : Optional.empty(),
                counted && underWay ? Optional.of(words.duration(p.actual())) : Optional.empty(),
                overTarget ? Optional.of(words.duration(over)) : Optional.empty(),
                p.startedAt().map(words::shortDateTime),
                p.endedAt().map(words::shortDateTime));
    }
}
