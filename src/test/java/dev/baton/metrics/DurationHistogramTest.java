package dev.baton.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void exactValuesInterpolateAsPercentileContDoes() {
        DurationHistogram h = new DurationHistogram();
        for (double v : new double[] {3600, 7200, 10800, 14400}) {
            h.add(v);
        }
        h.add(null);
        assertThat(h.count()).isEqualTo(4);
        assertThat(h.percentile(0.5)).isEqualTo(9000.0);
        assertThat(h.percentile(0.9)).isCloseTo(13320.0, within(1e-9));
        assertThat(new DurationHistogram().percentile(0.5)).isNull();
    }

    @Test
    void percentilesFromStoredBucketsAreWithinOnePercent() {
        Random random = new Random(7);
        double[] values = new double[5000];
        DurationHistogram live = new DurationHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextDouble() * 14); // 1 s .. 14 days
            live.add(values[i]);
        }
        DurationHistogram stored = new DurationHistogram();
        stored.addEncoded(live.encode());
        assertThat(stored.count()).isEqualTo(values.length);
        Arrays.sort(values);
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double exact = live.percentile(p);
            double rank = p * (values.length - 1);
            assertThat(exact).isCloseTo(values[(int) rank] + (rank - (int) rank)
                    * (values[(int) Math.ceil(rank)] - values[(int) rank]), within(1e-6));
            assertThat(stored.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01));
        }
    }

    @Test
    void zeroAndNegativeDurationsCountAsZeroAndSurviveEncoding() {
        DurationHistogram h = new DurationHistogram();
        h.add(0.0);
        h.add(-2.0);
        h.add(60.0);
        String text = h.encode();
        assertThat(text).startsWith("z:2 ");
        DurationHistogram back = DurationHistogram.decode(text);
        assertThat(back.count()).isEqualTo(3);
        assertThat(back.percentile(0.0)).isZero();
        assertThat(back.percentile(1.0)).isCloseTo(60.0, within(0.6));
        assertThat(back.encode()).isEqualTo(text);
    }

    @Test
    void mergingAStoredSummaryGivesUpExactValuesButKeepsEveryCount() {
        DurationHistogram live = new DurationHistogram();
        live.add(100.0);
        live.add(300.0);
        DurationHistogram other = new DurationHistogram();
        other.add(200.0);
        live.merge(other);
        assertThat(live.percentile(0.5)).isEqualTo(200.0); // both exact: still exact
        live.addEncoded(DurationHistogram.decode("z:1").encode());
        assertThat(live.count()).isEqualTo(4);
        assertThat(live.percentile(0.5)).isCloseTo(150.0, within(3.0));
        assertThat(DurationHistogram.decode("").count()).isZero();
    }
}
