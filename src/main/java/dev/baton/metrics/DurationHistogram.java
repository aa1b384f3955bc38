package dev.baton.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations in seconds, for the median and p90 of a KPI. Values are counted in logarithmic
 * buckets 2 % wide, so a percentile read from buckets is within about 1 % of the exact one
 * (and 0 stays 0); daily summaries store the buckets as text ({@link #encode()}). As long as
 * every value was added one by one (none merged from a summary) and there are not too many, the
 * values themselves are kept and percentiles are exact, interpolated as PERCENTILE_CONT does.
 */
final class DurationHistogram {

    private static final double BUCKET_FACTOR = 1.02;
    private static final double LOG_FACTOR = Math.log(BUCKET_FACTOR);
    /** Durations below a millisecond, and negative ones from clock skew, count as 0. */
    private static final double SMALLEST = 0.001;
    private static final int ZERO = Integer.MIN_VALUE;
    /** Above this many values the exact ones are dropped: memory stays bounded. */
    private static final int EXACT_LIMIT = 100_000;

    private final TreeMap<Integer, Long> buckets = new TreeMap<>();
    private long count;
    private double[] exact = new double[16];

    void add(Double seconds) {
        if (seconds == null) {
            return;
        }
        buckets.merge(bucket(seconds), 1L, Long::sum);
        if (exact != null) {
            if (count == EXACT_LIMIT) {
                exact = null;
            } else {
                if (count == exact.length) {
                    exact = Arrays.copyOf(exact, exact.length * 2);
                }
                exact[(int) count] = seconds;
            }
        }
        count++;
    }

    /** Adds the buckets of a stored summary; from now on percentiles come from buckets. */
    void addEncoded(String encoded) {
        merge(decode(encoded));
    }

    void merge(DurationHistogram other) {
        if (other.count == 0) {
            return;
        }
        other.buckets.forEach((b, n) -> buckets.merge(b, n, Long::sum));
        if (exact != null && other.exact != null && count + other.count <= EXACT_LIMIT) {
            double[] joined = Arrays.copyOf(exact, (int) (count + other.count));
            System.arraycopy(other.exact, 0, joined, (int) count, (int) other.count);
            exact = joined;
        } else {
            exact = null;
        }
        count += other.count;
    }

    long count() {
        return count;
    }

    /** The p-quantile (0–1), interpolated between neighbouring ranks; null without values. */
    Double percentile(double p) {
        if (count == 0) {
            return null;
        }
        double rank = p * (count - 1);
        long lower = (long) Math.floor(rank);
        long upper = (long) Math.ceil(rank);
        if (exact != null) {
            double[] sorted = Arrays.copyOf(exact, (int) count);
            Arrays.sort(sorted);
            return sorted[(int) lower] + (rank - lower) * (sorted[(int) upper] - sorted[(int) lower]);
        }
        double low = valueAtRank(lower);
        return low + (rank - lower) * (valueAtRank(upper) - low);
    }

    private double valueAtRank(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            seen += e.getValue();
            if (rank < seen) {
                return representative(e.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count + " values");
    }

    /** "bucket:count" pairs separated by spaces, 0 written as "z"; empty without values. */
    String encode() {
        StringBuilder text = new StringBuilder();
        buckets.forEach((b, n) -> {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(b == ZERO ? "z" : Integer.toString(b)).append(':').append(n);
        });
        return text.toString();
    }

    static DurationHistogram decode(String encoded) {
        DurationHistogram h = new DurationHistogram();
        h.exact = null;
        if (encoded == null || encoded.isBlank()) {
            return h;
        }
        for (String pair : encoded.trim().split(" ")) {
            int colon = pair.indexOf(':');
            String b = pair.substring(0, colon);
            long n = Long.parseLong(pair.substring(colon + 1));
            h.buckets.merge("z".equals(b) ? ZERO : Integer.parseInt(b), n, Long::sum);
            h.count += n;
        }
        return h;
    }

    static int bucket(double seconds) {
        return seconds < SMALLEST ? ZERO : (int) Math.floor(Math.log(seconds) / LOG_FACTOR);
    }

    /** The geometric middle of a bucket: at most half a bucket (about 1 %) from any value in it. */
    static double representative(int bucket) {
        return bucket == ZERO ? 0 : Math.exp((bucket + 0.5) * LOG_FACTOR);
    }
}
