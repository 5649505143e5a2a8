package app.tamroi.calibration;

import app.tamroi.calibration.LoggedCase.LogEvent;
import app.tamroi.calibration.LoggedCase.Sent;
import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.journey.StepEventType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded tax-refund office, played as a simulation so that its waits come from its own work.
 *
 * <p>Citizens submit on every day of the week, from early morning to late at night. The office
 * works the Thai government calendar (Monday to Friday, 08:30–16:30 Bangkok time, Thai public
 * holidays off), so every step time below is working time. Receipt, verification and transfer have
 * staff enough for any load: a visit takes a long-tailed time of its own (lognormal for receipt and
 * verification, Pareto for transfer). Approval has a fixed number of officers taking refunds
 * first come, first served; its queue is what a surge fills. In the surge month arrivals double,
 * past approval's capacity, so refunds wait longer and longer there, and the backlog takes weeks
 * to clear after. Halfway through, verification slows to more than twice its time (a new check).
 * Some refunds are rejected, a few withdrawn, some skip approval (small amounts) and some go back
 * from approval to verification (rework).
 *
 * <p>The same settings always give the same cases.
 */
public final class SyntheticWorkload {

    /**
     * @param arrivalsPerDay  mean submissions per calendar day outside the surge
     * @param approvalOfficers officers at approval: enough for about 70 % of the usual load
     */
    public record Settings(long seed, LocalDate from, int months, double arrivalsPerDay, int surgeMonth,
                           int approvalOfficers) {

        /** The workload of the published calibration: about 22,000 refunds over eight months. */
        public static Settings valueOf(String form) {
            return form.equals("small") ? small() : full();
        }

        public static Settings full() {
            return new Settings(20261202L, LocalDate.of(2026, 3, 1), 8, 82, 6, 40);
        }

        /** The same office at a fifteenth of the size, for the normal test run. */
        public static Settings small() {
            return new Settings(20261203L, LocalDate.of(2026, 3, 1), 8, 5.5, 6, 3);
        }

        LocalDate until() {
            return from.plusMonths(months);
        }

        LocalDate surgeFrom() {
            return from.plusMonths(surgeMonth);
        }

        /** Verification slows from here on: half of the generated months. */
        LocalDate slowerFrom() {
            return from.plusDays(from.until(until(), java.time.temporal.ChronoUnit.DAYS) / 2);
        }
    }

    public static final String AGENCY = "calib";
    public static final String SERVICE = "calib-refund";
    static final String RECEIVED = "received";
    static final String VERIFICATION = "verification";
    static final String APPROVAL = "approval";
    static final String TRANSFER = "transfer";

    private static final double HOUR = 60;

    private SyntheticWorkload() {
    }

    public static Workload generate(Settings settings) {
        ObjectNode timeline = timeline();
        WorkingCalendar calendar = Workload.versionOf(timeline).definition().calendar();
        List<LoggedCase> cases = new Office(settings, calendar).run();
        return Workload.of("synthetic", timeline, cases, notes(settings, cases.size()));
    }

    /** The refund service as the office publishes it: 6 working days, received 1d, verification 2d, approval 2d, transfer 1d. */
    static ObjectNode timeline() {
        ObjectNode doc = Workload.JSON.createObjectNode();
        doc.put("code", SERVICE).put("agency", AGENCY);
        doc.putObject("name").put("th", "คืนเงินภาษี (ทดสอบการพยากรณ์)").put("en", "Tax refund (forecast calibration)");
        doc.put("promise", "6d").put("calendar", "th-government");
        ArrayNode steps = doc.putArray("steps");
        step(steps, RECEIVED, "รับคำขอ", "Received", "1d");
        step(steps, VERIFICATION, "ตรวจสอบ", "Verification", "2d");
        step(steps, APPROVAL, "อนุมัติ", "Approval", "2d");
        step(steps, TRANSFER, "โอนเงินคืน", "Refund transfer", "1d");
        return doc;
    }

    private static void step(ArrayNode steps, String code, String th, String en, String target) {
        ObjectNode step = steps.addObject().put("code", code);
        step.putObject("name").put("th", th).put("en", en);
        step.put("target", target);
    }

    private static List<String> notes(Settings s, int cases) {
        return List.of(String.format(Locale.ROOT,
                "%,d refunds submitted from %s to %s (seed %d), on every day of the week between 06:00 and 23:00 "
                        + "Bangkok time, %.1f a day on average and twice that in the surge month starting %s. The service "
                        + "promises 6 working days (received 1d, verification 2d, approval 2d, transfer 1d) in the Thai "
                        + "government calendar: Monday to Friday 08:30–16:30, Thai public holidays off.",
                cases, s.from(), s.until().minusDays(1), s.seed(), s.arrivalsPerDay(), s.surgeFrom()),
                String.format(Locale.ROOT,
                        "Working times are long-tailed: receipt lognormal (median 1.5 h), verification lognormal (median "
                                + "4 h, 9 h from %s), transfer 1 h plus a Pareto tail (α 1.8). Approval is a queue with %d "
                                + "officers, first come first served, each refund lognormal (median 1.5 h); the surge "
                                + "pushes it past its capacity, so the waits come from the backlog itself. 2 %% are rejected "
                                + "at receipt and 4 %% at verification, about 1 %% withdrawn mid-step, 12 %% skip approval, "
                                + "15 %% go back from approval to verification once.",
                        s.slowerFrom(), s.approvalOfficers()));
    }

    /** One refund as the simulation follows it. */
    private static final class Refund {
        final String subject;
        final List<LogEvent> events = new ArrayList<>();
        int approvals;

        Refund(String subject) {
            this.subject = subject;
        }

        void log(Instant at, StepEventType type, String step) {
            String activity = type.cloudEventType().replace("tamroi.", "") + (step == null ? "" : " " + step);
            events.add(new LogEvent(at, activity, List.of(new Sent(type, step))));
        }
    }

    /** Something due at an instant; {@code order} keeps ties in the order they were planned. */
    private record Due(Instant at, long order, Refund refund, String step, boolean withdraws) {
    }

    private static final class Office {
        private final Settings settings;
        private final WorkingCalendar calendar;
        private final Random random;
        private final PriorityQueue<Due> agenda = new PriorityQueue<>(
                Comparator.comparing(Due::at).thenComparingLong(Due::order));
        private final Deque<Refund> waitingForApproval = new ArrayDeque<>();
        private int freeOfficers;
        private long planned;

        Office(Settings settings, WorkingCalendar calendar) {
            this.settings = settings;
            this.calendar = calendar;
            this.random = new Random(settings.seed());
            this.freeOfficers = settings.approvalOfficers();
        }

        List<LoggedCase> run() {
            List<Refund> refunds = submissions();
            for (Refund r : refunds) {
                enter(r, RECEIVED, r.events.get(0).at());
            }
            while (!agenda.isEmpty()) {
                Due due = agenda.poll();
                if (due.withdraws()) {
                    due.refund().log(due.at(), StepEventType.WITHDRAWN, null);
                } else {
                    leave(due.refund(), due.step(), due.at());
                }
            }
            return refunds.stream().map(r -> new LoggedCase(r.subject, r.events)).toList();
        }

        private List<Refund> submissions() {
            List<Instant> times = new ArrayList<>();
            for (LocalDate day = settings.from(); day.isBefore(settings.until()); day = day.plusDays(1)) {
                boolean surge = !day.isBefore(settings.surgeFrom()) && day.isBefore(settings.surgeFrom().plusMonths(1));
                int count = poisson(settings.arrivalsPerDay() * (surge ? 2 : 1));
                ZonedDateTime opening = day.atTime(LocalTime.of(6, 0)).atZone(calendar.zone());
                for (int i = 0; i < count; i++) {
                    times.add(opening.plusSeconds((long) (random.nextDouble() * 17 * 3600)).toInstant());
                }
            }
            times.sort(Comparator.naturalOrder());
            List<Refund> refunds = new ArrayList<>(times.size());
            for (Instant t : times) {
                Refund r = new Refund(String.format("%s-%06d", SERVICE, refunds.size() + 1));
                r.log(t, StepEventType.SUBMITTED, null);
                refunds.add(r);
            }
            return refunds;
        }

        /** The refund arrives at {@code step}: at approval it queues, elsewhere it starts at once. */
        private void enter(Refund r, String step, Instant at) {
            if (step.equals(APPROVAL)) {
                if (freeOfficers > 0) {
                    freeOfficers--;
                    plan(r, APPROVAL, at, lognormal(1.5 * HOUR, 0.7), false);
                } else {
                    waitingForApproval.addLast(r);
                }
                return;
            }
            double minutes = switch (step) {
                case RECEIVED -> lognormal(1.5 * HOUR, 0.8);
                case VERIFICATION -> lognormal((isSlower(at) ? 9 : 4) * HOUR, 0.9);
                default -> HOUR + pareto(2 * HOUR, 1.8);
            };
            // a citizen who gives up does so somewhere inside a stay
            boolean withdraws = random.nextDouble() < 0.003;
            plan(r, step, at, withdraws ? minutes * random.nextDouble() : minutes, withdraws);
        }

        private boolean isSlower(Instant at) {
            return !at.atZone(calendar.zone()).toLocalDate().isBefore(settings.slowerFrom());
        }

        private void plan(Refund r, String step, Instant from, double workingMinutes, boolean withdraws) {
            Instant at = calendar.addWorkingTime(from, Duration.ofSeconds(Math.round(workingMinutes * 60)));
            agenda.add(new Due(at, planned++, r, step, withdraws));
        }

        /** The refund is done with {@code step}: where it goes next, and what the back office says of it. */
        private void leave(Refund r, String step, Instant at) {
            switch (step) {
                case RECEIVED -> {
                    if (random.nextDouble() < 0.02) {
                        r.log(at, StepEventType.REJECTED, null);
                    } else {
                        r.log(at, StepEventType.STEP_COMPLETED, RECEIVED);
                        enter(r, VERIFICATION, at);
                    }
                }
                case VERIFICATION -> {
                    double u = random.nextDouble();
                    if (u < 0.04) {
                        r.log(at, StepEventType.REJECTED, null);
                    } else if (u < 0.16 && r.approvals == 0) {
                        // a small refund needs no approval: the back office starts the transfer directly
                        r.log(at, StepEventType.STEP_STARTED, TRANSFER);
                        enter(r, TRANSFER, at);
                    } else {
                        r.log(at, StepEventType.STEP_COMPLETED, VERIFICATION);
                        enter(r, APPROVAL, at);
                    }
                }
                case APPROVAL -> {
                    r.approvals++;
                    officerFree(at);
                    if (r.approvals == 1 && random.nextDouble() < 0.15) {
                        r.log(at, StepEventType.STEP_STARTED, VERIFICATION);
                        enter(r, VERIFICATION, at);
                    } else {
                        r.log(at, StepEventType.STEP_COMPLETED, APPROVAL);
                        enter(r, TRANSFER, at);
                    }
                }
                default -> r.log(at, StepEventType.COMPLETED, null);
            }
        }

        private void officerFree(Instant at) {
            Refund next = waitingForApproval.pollFirst();
            if (next == null) {
                freeOfficers++;
            } else {
                plan(next, APPROVAL, at, lognormal(1.5 * HOUR, 0.7), false);
            }
        }

        private double lognormal(double median, double sigma) {
            return median * Math.exp(sigma * random.nextGaussian());
        }

        private double pareto(double scale, double alpha) {
            return scale * (Math.pow(1 - random.nextDouble(), -1 / alpha) - 1);
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }
    }
}
