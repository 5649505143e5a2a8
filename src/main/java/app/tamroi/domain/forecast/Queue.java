package app.tamroi.domain.forecast;

/**
 * The load on one step now: how many applications are in it and how many it has recently let go
 * per working day.
 *
 * <p>What history learned of the step already holds the wait of its usual load: by Little's law,
 * as many applications as its pace times its mean stay. Only the applications beyond that add
 * time, the days the step needs to clear them at its pace: {@code (waiting − pace × mean stay) /
 * pace}. A step with no recent exit says nothing of its pace and adds nothing.
 */
public record Queue(long waiting, double completionsPerWorkingDay) {

    public Queue {
        if (waiting < 0 || !(completionsPerWorkingDay >= 0) || Double.isInfinite(completionsPerWorkingDay)) {
            throw new IllegalArgumentException("a queue has no negative length or pace");
        }
    }

    public static final Queue NONE = new Queue(0, 0);

    /** How many applications the step holds when it runs as usual, for a mean stay of {@code usualStayDays} working days. */
    double usualLoad(double usualStayDays) {
        return completionsPerWorkingDay * usualStayDays;
    }

    double extraWaitMinutes(double workingDayMinutes, double usualStayDays) {
        double beyond = waiting - usualLoad(usualStayDays);
        if (completionsPerWorkingDay == 0 || beyond <= 0) {
            return 0;
        }
        return beyond / completionsPerWorkingDay * workingDayMinutes;
    }
}
