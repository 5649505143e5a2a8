package app.tamroi.domain.forecast;

/**
 * The load on one step now: how many applications wait there and how many it has recently
 * completed per working day.
 *
 * <p>An application arriving at the step joins the queue. What history learned of the step
 * already holds the usual wait of a queue that clears within a day, so only the part beyond one
 * day's throughput adds time: {@code (waiting − throughput) / throughput} working days. A step
 * with no recent completion says nothing of its pace and adds nothing.
 */
public record Queue(long waiting, double completionsPerWorkingDay) {

    public Queue {
        if (waiting < 0 || !(completionsPerWorkingDay >= 0) || Double.isInfinite(completionsPerWorkingDay)) {
            throw new IllegalArgumentException("a queue has no negative length or pace");
        }
    }

    public static final Queue NONE = new Queue(0, 0);

    double extraWaitMinutes(double workingDayMinutes) {
        if (completionsPerWorkingDay == 0 || waiting <= completionsPerWorkingDay) {
            return 0;
        }
        return (waiting - completionsPerWorkingDay) / completionsPerWorkingDay * workingDayMinutes;
    }
}
