package app.tamroi.domain.service;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an agency promises for one e-service: ordered steps with targets, a working calendar and an
 * overall promise (by default the sum of the targets of the steps the agency owns).
 */
public record ServiceDefinition(
        String code,
        String agency,
        LocalizedText name,
        Optional<LocalizedText> description,
        Optional<WorkingDuration> promise,
        WorkingCalendar calendar,
        BigDecimal aheadFraction,
        BigDecimal atRiskFraction,
        List<Step> steps) {

    public static final BigDecimal DEFAULT_AHEAD_FRACTION = new BigDecimal("0.10");
    public static final BigDecimal DEFAULT_AT_RISK_FRACTION = new BigDecimal("0.8");
    public static final int MAX_STEPS = 50;

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ServiceDefinition {
        requireCode(code, "service code");
        requireCode(agency, "agency");
        if (name == null) {
            throw new IllegalArgumentException("a service needs a name");
        }
        if (calendar == null) {
            throw new IllegalArgumentException("a service needs a calendar");
        }
        description = description == null ? Optional.empty() : description;
        promise = promise == null ? Optional.empty() : promise;
        aheadFraction = fraction(aheadFraction, DEFAULT_AHEAD_FRACTION, "aheadFraction");
        atRiskFraction = fraction(atRiskFraction, DEFAULT_AT_RISK_FRACTION, "atRiskFraction");
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one step");
        }
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a service has at most " + MAX_STEPS + " steps");
        }
        Set<String> seen = new HashSet<>();
        for (Step step : steps) {
            if (!seen.add(step.code())) {
                throw new IllegalArgumentException("step code '" + step.code() + "' appears twice");
            }
        }
        steps = List.copyOf(steps);
        if (promise.isEmpty() && steps.stream().allMatch(Step::ownedByCitizen)) {
            throw new IllegalArgumentException("a service whose steps are all the citizen's needs an explicit promise");
        }
    }

    static void requireCode(String code, String what) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " must be 1–64 lower-case letters, digits or dashes, got '" + code + "'");
        }
    }

    private static BigDecimal fraction(BigDecimal value, BigDecimal fallback, String what) {
        if (value == null) {
            return fallback.stripTrailingZeros();
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + value.toPlainString());
        }
        // 0.1 and 0.10 are the same promise: publishing either again must not make a new version
        return value.stripTrailingZeros();
    }

    public Optional<Step> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }

    public int indexOf(String stepCode) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(stepCode)) {
                return i;
            }
        }
        return -1;
    }

    /** T(k): the step's target as working time, 0 for a step the citizen owns. */
    public Duration plannedTime(int stepIndex) {
        Step step = steps.get(stepIndex);
        return step.ownedByCitizen() ? Duration.ZERO : calendar.lengthOf(step.target());
    }

    /** P: the stated promise, else the sum of the agency-owned targets. */
    public Duration promisedTime() {
        return promise.map(calendar::lengthOf).orElseGet(() -> {
            Duration sum = Duration.ZERO;
            for (int i = 0; i < steps.size(); i++) {
                sum = sum.plus(plannedTime(i));
            }
            return sum;
        });
    }
}
