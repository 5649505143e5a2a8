package app.tamroi.domain.forecast;

/**
 * The load on one step now: how many applications are in it and how many it has recently let go
 * per working day.
 *
 * <p>What history learned of the step already holds the wait of its usual load: by Little's law,
 * as many applications as its pace times its mean stay. Only the applications beyond that add
 * time, the days the step needs to clear them at its pace: {@code (waiting − pace × mean stay) /
 * pace}. A step with no recent exit says nothing of its pace and adds nothing. An application
 * already in a growing queue waits for it too, less the time it has already waited there.
 */
public record Queue(long waiting, double completionsPerWorkingDay, double arrivalsPerWorkingDay) {

    public Queue {
        if (waiting < 0 || !(completionsPerWorkingDay >= 0) || Double.isInfinite(completionsPerWorkingDay)
                || !(arrivalsPerWorkingDay >= 0) || Double.isInfinite(arrivalsPerWorkingDay)) {
            throw new IllegalArgumentException("a queue has no negative length or pace");
        }
    }

    /** A queue whose arrivals keep pace with its exits. */
    public Queue(long waiting, double completionsPerWorkingDay) {
        this(waiting, completionsPerWorkingDay, completionsPerWorkingDay);
    }

    public static final Queue NONE = new Queue(0, 0);

    /**
     * More arrive than leave: the step is not draining its backlog, so those already in it wait
     * for it too. A step whose stays are a fixed delay lets out what came in one delay earlier
     * and does not grow for long.
     */
    boolean growing() {
        return arrivalsPerWorkingDay > completionsPerWorkingDay;
    }

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
