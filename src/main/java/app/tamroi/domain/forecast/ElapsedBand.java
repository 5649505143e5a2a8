package app.tamroi.domain.forecast;

/**
 * How long an application had already taken when it entered a step, in a few bands of working
 * days (under a quarter day, under 1, 3, 7, 15, 30, and more). Visits are learned per band, so a
 * forecast can ask how long this step took for applications that had waited about as long as this
 * one: the longer a case has waited, the more it resembles the cases that waited long.
 */
final class ElapsedBand {

    private static final double[] UPPER_DAYS = {0.25, 1, 3, 7, 15, 30};
    static final int COUNT = UPPER_DAYS.length + 1;

    /**
     * A band's own figures are used once it holds this many visits; below, the step's figures over
     * all bands, so a rare band never rests on a handful of journeys.
     */
    static final int MINIMUM_VISITS = 30;

    private ElapsedBand() {
    }

    static int of(double elapsedMinutes, double workingDayMinutes) {
        double days = elapsedMinutes / workingDayMinutes;
        for (int band = 0; band < UPPER_DAYS.length; band++) {
            if (days < UPPER_DAYS[band]) {
                return band;
            }
        }
        return UPPER_DAYS.length;
    }

    /** A working time inside the band, in minutes, to play on from when only the band is known: its middle in log time. */
    static double typicalMinutes(int band, double workingDayMinutes) {
        double low = band == 0 ? UPPER_DAYS[0] / 2 : UPPER_DAYS[band - 1];
        double high = band == UPPER_DAYS.length ? UPPER_DAYS[band - 1] * 2 : UPPER_DAYS[band];
        return Math.sqrt(low * high) * workingDayMinutes;
    }
}
