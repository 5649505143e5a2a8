package app.tamroi.domain.journey;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus.Clock;
import app.tamroi.domain.journey.JourneyStatus.CurrentStep;
import app.tamroi.domain.journey.JourneyStatus.Outcome;
import app.tamroi.domain.journey.JourneyStatus.Schedule;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.domain.service.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A walk through an application's events in event-time order that keeps the working clock: it
 * runs unless the application is paused, sits in a step the citizen owns, or has ended.
 */
final class Journey {

    private final ServiceDefinition service;
    private final WorkingCalendar calendar;
    private final List<Step> steps;
    /** Index of the current step; {@code steps.size()} once the last step is done. */
    private int current;
    private boolean paused;
    private Instant clock;
    private Duration elapsed = Duration.ZERO;
    private Duration inCurrent = Duration.ZERO;
    private final Duration[] actual;
    private final Instant[] startedAt;
    private final Instant[] endedAt;
    private final StepState[] state;
    private StepEventType ending;
    private Instant endedAtInstant;
    private String publicNote;
    /** Each stay in a step, in the order they happened; the last is open until the step is left. */
    private final List<StepVisit> visits = new java.util.ArrayList<>();
    private boolean visiting;
    private Instant visitEnteredAt;
    private Duration elapsedAtEntry = Duration.ZERO;
    private final Instant submittedAt;

    private Journey(ServiceDefinition service, Instant submittedAt) {
        this.service = service;
        this.calendar = service.calendar();
        this.steps = service.steps();
        int n = steps.size();
        this.actual = new Duration[n];
        Arrays.fill(actual, Duration.ZERO);
        this.startedAt = new Instant[n];
        this.endedAt = new Instant[n];
        this.state = new StepState[n];
        Arrays.fill(state, StepState.PENDING);
        this.submittedAt = submittedAt;
        this.clock = submittedAt;
        enter(0, submittedAt);
    }

    static JourneyStatus derive(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        return walk(version, events, now).map(j -> j.statusAt(version, j.submittedAt, now))
                .orElseGet(() -> notSubmitted(version, now));
    }

    /** The stays in steps, in order, with the working time of each (the last one so far, if not left yet), and the ending. */
    static JourneyStatus.Trail trail(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        return walk(version, events, now).map(j -> {
            j.closeVisit(null);
            return new JourneyStatus.Trail(List.copyOf(j.visits), Optional.ofNullable(j.ending),
                    Optional.ofNullable(j.endedAtInstant), j.elapsed);
        }).orElse(new JourneyStatus.Trail(List.of(), Optional.empty(), Optional.empty(), Duration.ZERO));
    }

    private static Optional<Journey> walk(ServiceVersion version, Collection<StepEvent> events, Instant now) {
        List<StepEvent> known = events.stream()
                .filter(e -> !e.occurredAt().isAfter(now))
                .sorted(StepEvent.JOURNEY_ORDER)
                .toList();
        Optional<StepEvent> submission = StepEvent.firstSubmission(known);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        Instant submittedAt = submission.get().occurredAt();
        Journey journey = new Journey(version.definition(), submittedAt);
        submission.get().publicNote().ifPresent(note -> journey.publicNote = note);
        for (StepEvent event : known) {
            if (journey.ending != null) {
                break;
            }
            if (event != submission.get() && !event.occurredAt().isBefore(submittedAt)) {
                journey.apply(event);
            }
        }
        journey.advanceTo(journey.ending != null ? journey.endedAtInstant : now);
        return Optional.of(journey);
    }

    private boolean clockRuns() {
        return ending == null && !paused && (current >= steps.size() || !steps.get(current).ownedByCitizen());
    }

    private void advanceTo(Instant t) {
        if (!t.isAfter(clock)) {
            return;
        }
        if (clockRuns()) {
            Duration worked = calendar.workingTimeBetween(clock, t);
            elapsed = elapsed.plus(worked);
            inCurrent = inCurrent.plus(worked);
            if (current < steps.size()) {
                actual[current] = actual[current].plus(worked);
            }
        }
        clock = t;
    }

    private void apply(StepEvent event) {
        Instant t = event.occurredAt();
        advanceTo(t);
        // a note is news for the citizen even when the event changes nothing in the journey
        event.publicNote().ifPresent(note -> publicNote = note);
        int index = event.step().map(service::indexOf).orElse(-1);
        switch (event.type()) {
            case SUBMITTED -> { return; } // a second submission changes nothing
            case PAUSED -> paused = true;
            case RESUMED -> paused = false;
            case STEP_COMPLETED -> {
                if (index < current) {
                    return; // a late duplicate for a step already behind us
                }
                leaveCurrent(t, StepState.DONE);
                markBetween(current + 1, index, StepState.SKIPPED);
                if (index > current) {
                    state[index] = StepState.DONE;
                    endedAt[index] = t;
                }
                enter(index + 1, t);
            }
            case STEP_STARTED -> {
                if (index < 0 || index == current) {
                    return;
                }
                if (index > current) {
                    leaveCurrent(t, StepState.SKIPPED);
                    markBetween(current + 1, index, StepState.SKIPPED);
                } else {
                    // rework: the step and every later one are to be done again
                    for (int i = index + 1; i < steps.size(); i++) {
                        state[i] = StepState.PENDING;
                        startedAt[i] = null;
                        endedAt[i] = null;
                    }
                }
                enter(index, t);
            }
            case COMPLETED, REJECTED, WITHDRAWN -> {
                leaveCurrent(t, StepState.DONE);
                closeVisit(t);
                markBetween(current + 1, steps.size(), StepState.SKIPPED);
                current = steps.size();
                ending = event.type();
                endedAtInstant = t;
            }
        }
    }

    private void enter(int index, Instant t) {
        closeVisit(t);
        current = index;
        inCurrent = Duration.ZERO;
        if (index < steps.size()) {
            visiting = true;
            visitEnteredAt = t;
            elapsedAtEntry = elapsed;
            state[index] = StepState.CURRENT;
            startedAt[index] = t;
            endedAt[index] = null;
        }
    }

    /** @param leftAt when the step was left; null while the application is still in it */
    private void closeVisit(Instant leftAt) {
        if (visiting) {
            visits.add(new StepVisit(steps.get(current).code(), inCurrent, visitEnteredAt, Optional.ofNullable(leftAt),
                    elapsedAtEntry));
            visiting = false;
        }
    }

    private void leaveCurrent(Instant t, StepState how) {
        if (current < steps.size()) {
            state[current] = how;
            endedAt[current] = t;
        }
    }

    private void markBetween(int fromInclusive, int toExclusive, StepState how) {
        for (int i = fromInclusive; i < toExclusive && i < steps.size(); i++) {
            state[i] = how;
        }
    }

    private JourneyStatus statusAt(ServiceVersion version, Instant submittedAt, Instant now) {
        Clock clock = new Clock(Optional.of(submittedAt), elapsed, service.promisedTime(), clockRuns());
        Optional<CurrentStep> currentStep = current < steps.size()
                ? Optional.of(new CurrentStep(steps.get(current), inCurrent)) : Optional.empty();
        Optional<Outcome> outcome = outcome(clock);
        Schedule schedule = outcome.map(Journey::endedSchedule)
                .orElseGet(() -> schedule(clock, currentStep, now));
        Status status = outcome.map(Outcome::status)
                .orElse(clock.running() ? schedule.status() : Status.WAITING_ON_CITIZEN);
        return new JourneyStatus(version, now, status, clock, currentStep, schedule, outcome,
                Optional.ofNullable(publicNote), progress());
    }

    private Optional<Outcome> outcome(Clock clock) {
        if (ending == null) {
            return Optional.empty();
        }
        Status status = switch (ending) {
            case COMPLETED -> clock.elapsed().compareTo(clock.promise()) <= 0 ? Status.COMPLETED_ON_TIME
                    : Status.COMPLETED_LATE;
            case REJECTED -> Status.REJECTED;
            default -> Status.WITHDRAWN;
        };
        return Optional.of(new Outcome(status, endedAtInstant, clock.promise().minus(clock.elapsed())));
    }

    /** Once ended nothing is planned any more: the slack is what was left of the promise, the variance. */
    private static Schedule endedSchedule(Outcome outcome) {
        return new Schedule(outcome.status(), false, Duration.ZERO, outcome.variance(),
                Optional.empty(), Optional.empty());
    }

    private Schedule schedule(Clock clock, Optional<CurrentStep> currentStep, Instant now) {
        Duration promise = clock.promise();
        Duration remaining = remaining(currentStep);
        Duration slack = promise.minus(clock.elapsed().plus(remaining));
        Status schedule = slack.isNegative() ? Status.BEHIND
                : atLeast(slack, service.aheadFraction(), promise) ? Status.AHEAD : Status.ON_TRACK;
        boolean atRisk = schedule != Status.BEHIND && currentStep
                .filter(c -> !c.step().ownedByCitizen())
                .map(c -> atLeast(c.timeInStep(), service.atRiskFraction(), service.plannedTime(current)))
                .orElse(false);
        boolean stopped = !clock.running();
        Optional<Instant> expectedBy = stopped ? Optional.empty() : Optional.of(calendar.addWorkingTime(now, remaining));
        Optional<Instant> promisedBy = stopped || clock.elapsed().compareTo(promise) >= 0
                ? Optional.empty() : Optional.of(calendar.addWorkingTime(now, promise.minus(clock.elapsed())));
        return new Schedule(schedule, atRisk, remaining, slack, expectedBy, promisedBy);
    }

    /** R: what is left of the current step's target (never below zero), plus every later step's. */
    private Duration remaining(Optional<CurrentStep> currentStep) {
        if (currentStep.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = service.plannedTime(current).minus(currentStep.get().timeInStep());
        Duration remaining = left.isNegative() ? Duration.ZERO : left;
        for (int j = current + 1; j < steps.size(); j++) {
            remaining = remaining.plus(service.plannedTime(j));
        }
        return remaining;
    }

    /** Thresholds are compared exactly, before any rounding. */
    private static boolean atLeast(Duration value, BigDecimal fraction, Duration of) {
        return BigDecimal.valueOf(value.toNanos()).compareTo(fraction.multiply(BigDecimal.valueOf(of.toNanos()))) >= 0;
    }

    private List<StepProgress> progress() {
        return IntStream.range(0, steps.size())
                .mapToObj(i -> new StepProgress(steps.get(i), state[i], calendar.lengthOf(steps.get(i).target()),
                        actual[i], Optional.ofNullable(startedAt[i]), Optional.ofNullable(endedAt[i])))
                .toList();
    }

    private static JourneyStatus notSubmitted(ServiceVersion version, Instant now) {
        ServiceDefinition service = version.definition();
        Duration promise = service.promisedTime();
        List<StepProgress> steps = service.steps().stream()
                .map(s -> new StepProgress(s, StepState.PENDING, service.calendar().lengthOf(s.target()),
                        Duration.ZERO, Optional.empty(), Optional.empty()))
                .toList();
        // before the submission the whole promise is still planned and none of it is left over
        return new JourneyStatus(version, now, Status.NOT_SUBMITTED,
                new Clock(Optional.empty(), Duration.ZERO, promise, false), Optional.empty(),
                new Schedule(Status.NOT_SUBMITTED, false, promise, Duration.ZERO, Optional.empty(), Optional.empty()),
                Optional.empty(), Optional.empty(), steps);
    }
}
