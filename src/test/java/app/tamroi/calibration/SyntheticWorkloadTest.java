package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.journey.StepVisit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SyntheticWorkloadTest {

    private static final SyntheticWorkload.Settings SMALL = SyntheticWorkload.Settings.small();
    private static final Workload OFFICE = SyntheticWorkload.generate(SMALL);
    private static final WorkingCalendar CALENDAR = OFFICE.calendar();

    @Test
    void theSameSeedGivesTheSameRefunds() {
        assertEquals(OFFICE.cases(), SyntheticWorkload.generate(SMALL).cases());
    }

    @Test
    void thePublishedFormHasOver20000RefundsOverEightMonths() {
        Workload full = SyntheticWorkload.generate(SyntheticWorkload.Settings.full());

        assertTrue(full.cases().size() >= 20_000, "refunds: " + full.cases().size());
        LocalDate first = LocalDate.ofInstant(full.cases().get(0).start(), CALENDAR.zone());
        LocalDate last = LocalDate.ofInstant(full.cases().get(full.cases().size() - 1).start(), CALENDAR.zone());
        assertTrue(first.until(last).toTotalMonths() >= 7, first + " to " + last);
    }

    @Test
    void theOfficeWorksOnlyInItsThaiCalendar() {
        for (LoggedCase c : OFFICE.cases()) {
            for (LoggedCase.LogEvent e : c.events().subList(1, c.events().size())) {
                var local = e.at().atZone(CALENDAR.zone());
                assertTrue(CALENDAR.isWorkingDate(local.toLocalDate()), c.subject() + " worked on " + local);
                assertFalse(local.toLocalTime().isBefore(LocalTime.of(8, 30)), c.subject() + " worked at " + local);
                assertFalse(local.toLocalTime().isAfter(LocalTime.of(16, 30)), c.subject() + " worked at " + local);
            }
        }
        // Songkran, 13–15 April 2026: submissions still come, nobody works them
        assertFalse(CALENDAR.isWorkingDate(LocalDate.of(2026, 4, 14)));
        assertTrue(OFFICE.cases().stream().anyMatch(c -> LocalDate.ofInstant(c.start(), CALENDAR.zone()).equals(LocalDate.of(2026, 4, 14))));
    }

    @Test
    void approvalWaitsGrowThroughTheSurgeMonthFromTheBacklogAlone() {
        LocalDate surge = SMALL.from().plusMonths(SMALL.surgeMonth());
        double before = medianDays("approval", entered(surge.minusDays(28), surge));
        double lastSurgeWeek = medianDays("approval", entered(surge.plusDays(23), surge.plusDays(30)));

        assertTrue(lastSurgeWeek > 4 * before, "approval before " + before + ", end of surge " + lastSurgeWeek);
    }

    @Test
    void verificationTakesMoreThanTwiceAsLongFromHalfwayOn() {
        LocalDate halfway = LocalDate.of(2026, 7, 1);
        double before = medianDays("verification", entered(halfway.minusDays(60), halfway));
        double after = medianDays("verification", entered(halfway, halfway.plusDays(60)));

        assertTrue(after > 2 * before, "verification before " + before + ", after " + after);
    }

    @Test
    void refundsAreReworkedSkipApprovalAndEndInEveryWay() {
        long reworked = OFFICE.cases().stream().filter(c -> visits(c).stream().filter(v -> v.step().equals("verification")).count() > 1).count();
        long skipped = OFFICE.cases().stream().filter(c -> c.outcome() == StepEventType.COMPLETED
                && visits(c).stream().noneMatch(v -> v.step().equals("approval"))).count();
        int n = OFFICE.cases().size();

        assertShare(reworked, n, 0.08, 0.18);
        assertShare(skipped, n, 0.07, 0.16);
        assertShare(OFFICE.cases().stream().filter(c -> c.outcome() == StepEventType.REJECTED).count(), n, 0.03, 0.09);
        assertShare(OFFICE.cases().stream().filter(c -> c.outcome() == StepEventType.WITHDRAWN).count(), n, 0.001, 0.03);
    }

    @Test
    void stepTimesHaveLongTails() {
        List<Double> transfer = days("transfer", v -> true);
        double median = transfer.get(transfer.size() / 2);
        double p99 = transfer.get((int) (transfer.size() * 0.99));

        assertTrue(p99 > 5 * median, "transfer median " + median + ", 99th percentile " + p99);
    }

    private static void assertShare(long count, int of, double low, double high) {
        double share = count / (double) of;
        assertTrue(share >= low && share <= high, "share " + share + " outside " + low + "–" + high);
    }

    private static List<StepVisit> visits(LoggedCase c) {
        return JourneyStatus.visits(OFFICE.version(), c.stepEvents(), c.end());
    }

    private static Predicate<StepVisit> entered(LocalDate from, LocalDate until) {
        return v -> {
            LocalDate day = LocalDate.ofInstant(v.enteredAt(), CALENDAR.zone());
            return !day.isBefore(from) && day.isBefore(until);
        };
    }

    private static double medianDays(String step, Predicate<StepVisit> which) {
        List<Double> d = days(step, which);
        return d.get(d.size() / 2);
    }

    /** Working days of the step's visits, sorted. */
    private static List<Double> days(String step, Predicate<StepVisit> which) {
        List<Double> days = new ArrayList<>();
        double workingDay = CALENDAR.workingDay().toMinutes();
        for (LoggedCase c : OFFICE.cases()) {
            visits(c).stream().filter(v -> v.step().equals(step)).filter(which)
                    .forEach(v -> days.add(v.worked().toMinutes() / workingDay));
        }
        days.sort(Double::compare);
        return days;
    }
}
