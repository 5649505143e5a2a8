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

    private static final double[] LOWER = new double[BINS];
    /** How much wider each bin is than the one before. */
    private static final double GROWTH = Math.pow(2, 1 / (double) BINS_PER_DOUBLING);
    private static final double LOG_GROWTH = Math.log(GROWTH);

    static {
        for (int bin = 1; bin < BINS; bin++) {
            LOWER[bin] = Math.pow(2, (bin - 1) / (double) BINS_PER_DOUBLING);
        }
    }

    /** Visits per bin, each weighed by how recent its day is (see {@link #addAll(StepTimes, long)}). */
    private final long[] counts = new long[BINS];
    private long total;
    /** Visits as they were, unweighed: what a minimum sample is held against. */
    private long visits;
    /** Visits up to and including each bin; rebuilt after a change, so a forecast's many draws search instead of summing. */
    private volatile long[] upTo;

    void add(Duration worked) {
        addToBin(binOf(worked), 1);
    }

    /** Adds (or, negative, takes away) {@code count} visits in one bin: how a stored tally is read back. */
    void addToBin(int bin, long count) {
        if (bin < 0 || bin >= BINS) {
            throw new IllegalArgumentException("no bin " + bin + " of step times");
        }
        counts[bin] += count;
        total += count;
        visits += count;
        upTo = null;
    }

    /** The mean working minutes of a visit, each visit taken at its bin's middle (in log time). */
    double meanMinutes() {
        double sum = 0;
        for (int bin = 0; bin < BINS; bin++) {
            sum += counts[bin] * at(bin, 0.5);
        }
        return total == 0 ? 0 : sum / total;
    }

    static int binOf(Duration worked) {
        return binOf(minutes(worked));
    }

    void addAll(StepTimes other) {
        addAll(other, 1);
    }

    /** Adds another tally's visits, each counting {@code weight} times in the shape of the times (but once as a visit). */
    void addAll(StepTimes other, long weight) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i] * weight;
        }
        total += other.total * weight;
        visits += other.visits;
        upTo = null;
    }

    private long[] upTo() {
        if (upTo == null) {
            long[] sums = new long[BINS];
            long sum = 0;
            for (int i = 0; i < BINS; i++) {
                sum += counts[i];
                sums[i] = sum;
            }
            upTo = sums;
        }
        return upTo;
    }

    long visits() {
        return total <= 0 ? 0 : visits;
    }

    /** The share of visits shorter than {@code minutes}, spread evenly in log time inside a bin. */
    double shareBelow(double minutes) {
        int bin = binOf(minutes);
        long before = bin == 0 ? 0 : upTo()[bin - 1];
        return (before + counts[bin] * within(bin, minutes)) / total;
    }

    /** The working minutes below which {@code share} of the visits lie; the inverse of {@link #shareBelow}. */
    double minutesAt(double share) {
        double wanted = Math.min(share, 1) * total;
        long[] sums = upTo();
        int low = 0;
        int high = BINS - 1;
        // the first bin whose running count reaches what is wanted, skipping empty bins
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sums[mid] >= wanted && sums[mid] > 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        long before = low == 0 ? 0 : sums[low - 1];
        return at(low, (wanted - before) / counts[low]);
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

    /** Where {@code minutes} lies inside its bin, 0 at the lower edge and 1 at the upper. */
    private static double within(int bin, double minutes) {
        double v = bin == 0 ? minutes : Math.log(minutes / LOWER[bin]) / LOG_GROWTH;
        return Math.max(0, Math.min(1, v));
    }

    private static double at(int bin, double v) {
        return bin == 0 ? v : LOWER[bin] * Math.pow(GROWTH, v);
    }
}
