package app.tamroi.domain.forecast;

import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A timeline an agency can keep, drawn from what its journeys really took: each step's target is
 * the time within which 8 in 10 of its visits were done, and the promise the time within which 8
 * in 10 whole journeys were, each rounded up to what a person writes (whole working days from a
 * day on, whole hours from an hour on, else minutes). A step history never saw, and a step the
 * citizen owns (its clock is stopped), keeps its target.
 */
public final class PlanFromHistory {

    /** The share of visits, and of journeys, a proposed target is met by. */
    public static final double KEPT_BY = 0.8;

    private PlanFromHistory() {
    }

    /** What history says of one step, and the target proposed for it. */
    public record StepEvidence(String step, long visits, Optional<Duration> p50, Optional<Duration> p80,
                               WorkingDuration target, WorkingDuration proposed) {
    }

    /**
     * @param currentlyMet the share of journeys that ended within the current promise
     * @param proposedMet  the share that ended within the proposed one (at least 8 in 10, from rounding up)
     */
    public record Proposal(ServiceDefinition proposed, List<StepEvidence> steps, Duration currentPromise,
                           double currentlyMet, WorkingDuration promise, double proposedMet, long sampleSize,
                           int windowDays) {
    }

    /** Empty when fewer than {@code minimumSample} journeys ended in the window: too few to draw a plan from. */
    public static Optional<Proposal> propose(ServiceDefinition current, History history, int minimumSample) {
        Optional<StepTimes> whole = history.wholeJourneys();
        if (history.journeys() < minimumSample || whole.isEmpty()) {
            return Optional.empty();
        }
        double workingDay = StepTimes.minutes(current.calendar().workingDay());
        List<Step> steps = new ArrayList<>();
        List<StepEvidence> evidence = new ArrayList<>();
        for (Step step : current.steps()) {
            Optional<StepTimes> times = step.ownedByCitizen() ? Optional.empty() : history.timesOf(step.code());
            WorkingDuration proposed = times.map(t -> roundedUp(t.minutesAt(KEPT_BY), workingDay)).orElse(step.target());
            steps.add(new Step(step.code(), step.name(), proposed, step.owner()));
            evidence.add(new StepEvidence(step.code(), times.map(StepTimes::visits).orElse(0L),
                    times.map(t -> duration(t.minutesAt(0.5))), times.map(t -> duration(t.minutesAt(KEPT_BY))),
                    step.target(), proposed));
        }
        WorkingDuration promise = roundedUp(whole.get().minutesAt(KEPT_BY), workingDay);
        ServiceDefinition proposed = new ServiceDefinition(current.code(), current.agency(), current.name(),
                current.description(), Optional.of(promise), current.calendar(), current.aheadFraction(),
                current.atRiskFraction(), steps);
        Duration currentPromise = current.promisedTime();
        return Optional.of(new Proposal(proposed, evidence, currentPromise,
                whole.get().shareBelow(StepTimes.minutes(currentPromise)), promise,
                whole.get().shareBelow(StepTimes.minutes(proposed.promisedTime())), history.journeys(),
                history.windowDays()));
    }

    /** Up to whole working days from a day on, whole hours from an hour on, else whole minutes (at least one). */
    static WorkingDuration roundedUp(double minutes, double workingDayMinutes) {
        if (minutes >= workingDayMinutes) {
            return new WorkingDuration((long) Math.ceil(minutes / workingDayMinutes - 1e-9), WorkingDuration.Unit.DAYS);
        }
        if (minutes >= 60) {
            return new WorkingDuration((long) Math.ceil(minutes / 60 - 1e-9), WorkingDuration.Unit.HOURS);
        }
        return new WorkingDuration(Math.max(1, (long) Math.ceil(minutes - 1e-9)), WorkingDuration.Unit.MINUTES);
    }

    private static Duration duration(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }
}
