package app.tamroi.domain.forecast;

import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.journey.StepVisit;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.support.StatusFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Hand-made histories of the shared pit-refund service (received 1d, verification 2d, approval 2d,
 * transfer 1d; whole 24 h days Monday to Friday in Bangkok): each journey is a list of visits with
 * their working hours, and step times are drawn from a seeded Random so every run sees the same.
 */
final class Refunds {

    static final ServiceVersion PIT_REFUND = StatusFixtures.version("pit-refund");
    static final Duration WORKING_DAY = PIT_REFUND.definition().calendar().workingDay();
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    static final LocalDate AFTER_THEM = FIRST_DAY.plusDays(100);

    private Refunds() {
    }

    /** A journey through the named steps, each "code:hours", ended completed on {@code endedOn}. */
    static CompletedJourney journey(LocalDate endedOn, String... visits) {
        List<StepVisit> list = new ArrayList<>();
        // only the working time of a visit is learned from; when it happened is the day the journey ended
        Instant at = endedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Duration before = Duration.ZERO;
        for (String visit : visits) {
            String[] parts = visit.split(":");
            Duration worked = Duration.ofMinutes(Math.round(Double.parseDouble(parts[1]) * 60));
            list.add(new StepVisit(parts[0], worked, at, Optional.of(at), before));
            before = before.plus(worked);
        }
        return new CompletedJourney(endedOn, list, StepEventType.COMPLETED);
    }

    static String visit(String step, double hours) {
        return step + ":" + hours;
    }

    /** Hours between {@code low} and {@code high}, spread evenly. */
    static DoubleUnaryOperator evenly(double low, double high) {
        return u -> low + u * (high - low);
    }

    /** Long-tailed hours: most visits near {@code typical}, a few many times longer. */
    static DoubleUnaryOperator longTailed(double typical) {
        return u -> typical * Math.pow(1 - u, -1.2) - typical + 1;
    }

    /**
     * {@code count} journeys through received, verification, approval and transfer, one ending per
     * day from {@code from}, verification taking {@code verification} hours.
     */
    static List<CompletedJourney> straight(int count, LocalDate from, DoubleUnaryOperator verification, long seed) {
        Random random = new Random(seed);
        List<CompletedJourney> journeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            journeys.add(journey(from.plusDays(i),
                    visit("received", 2 + 4 * random.nextDouble()),
                    visit("verification", verification.applyAsDouble(random.nextDouble())),
                    visit("approval", 20 + 20 * random.nextDouble()),
                    visit("transfer", 6 + 12 * random.nextDouble())));
        }
        return journeys;
    }

    static ServiceStatistics learned(List<CompletedJourney> journeys) {
        ServiceStatistics statistics = new ServiceStatistics();
        journeys.forEach(j -> statistics.record(j, WORKING_DAY));
        return statistics;
    }

    static History window(ServiceStatistics statistics, LocalDate asOf) {
        return statistics.asOf(asOf, ServiceStatistics.DEFAULT_WINDOW_DAYS);
    }

    static Position at(String step, Duration inStep) {
        return new Position(PIT_REFUND, step, inStep, inStep.plusHours(4));
    }
}
