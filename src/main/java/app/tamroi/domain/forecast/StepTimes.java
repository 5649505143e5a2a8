package app.tamroi.domain.forecast;

import java.time.Duration;

/**
 * How long visits to one step took, as counts in fixed bins of working minutes: the first bin
 * holds visits under a minute, then eight bins per doubling up to about two years of working
 * minutes, the last bin holding everything longer. Fixed bins make a day's tally and a window's
 * sum the same shape, so merging days is adding arrays; a bin is under 9 % wide, finer than any
 * forecast is sure.
 */
final class StepTimes {

    private static final int BINS_PER_DOUBLING = 8;
    static final int BINS = 1 + BINS_PER_DOUBLING * 20 + 1;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final long[] counts = new long[BINS];
    private long total;

    void add(Duration worked) {
        counts[binOf(minutes(worked))]++;
        total++;
    }

    void addAll(StepTimes other) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long visits() {
        return total;
    }

    /** The share of visits shorter than {@code minutes}, spread evenly in log time inside a bin. */
    double shareBelow(double minutes) {
        int bin = binOf(minutes);
        long before = 0;
        for (int i = 0; i < bin; i++) {
            before += counts[i];
        }
        return (before + counts[bin] * within(bin, minutes)) / total;
    }

    /** The working minutes below which {@code share} of the visits lie; the inverse of {@link #shareBelow}. */
    double minutesAt(double share) {
        double wanted = share * total;
        double before = 0;
        int last = 0;
        for (int i = 0; i < BINS; i++) {
            if (counts[i] == 0) {
                continue;
            }
            last = i;
            if (before + counts[i] >= wanted) {
                return at(i, (wanted - before) / counts[i]);
            }
            before += counts[i];
        }
        return at(last, 1);
    }

    static double minutes(Duration d) {
        return d.toNanos() / NANOS_PER_MINUTE;
    }

    private static int binOf(double minutes) {
        if (minutes < 1) {
            return 0;
        }
        int bin = 1 + (int) Math.floor(Math.log(minutes) / Math.log(2) * BINS_PER_DOUBLING);
        return Math.min(bin, BINS - 1);
    }

    private static double lower(int bin) {
        return bin == 0 ? 0 : Math.pow(2, (bin - 1) / (double) BINS_PER_DOUBLING);
    }

    private static double upper(int bin) {
        return Math.pow(2, bin / (double) BINS_PER_DOUBLING);
    }

    /** Where {@code minutes} lies inside its bin, 0 at the lower edge and 1 at the upper. */
    private static double within(int bin, double minutes) {
        double v = bin == 0 ? minutes : Math.log(minutes / lower(bin)) / Math.log(upper(bin) / lower(bin));
        return Math.max(0, Math.min(1, v));
    }

    private static double at(int bin, double v) {
        return bin == 0 ? v : lower(bin) * Math.pow(upper(bin) / lower(bin), v);
    }
}
