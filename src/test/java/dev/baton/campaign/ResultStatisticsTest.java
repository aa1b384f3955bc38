package dev.baton.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Conversion rates, lift and the two-sided two-proportion z-test, against values worked by hand. */
class ResultStatisticsTest {

    @Test
    void liftAndSignificanceOfATypicalReadOut() {
        // 50/1000 vs 30/1000: pooled p = 0.04, SE = sqrt(0.04 * 0.96 * 2/1000) = 0.0087636, z = 2.2822
        ResultStatistics stats = ResultStatistics.of(1000, 50, 1000, 30);
        assertThat(stats.testRate()).isEqualTo(0.05);
        assertThat(stats.controlRate()).isEqualTo(0.03);
        assertThat(stats.lift()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(stats.pValue()).isCloseTo(0.02248, within(1e-4));
        assertThat(stats.significant()).isTrue();
    }

    @Test
    void equalRatesAreNotSignificant() {
        ResultStatistics stats = ResultStatistics.of(500, 20, 500, 20);
        assertThat(stats.lift()).isZero();
        assertThat(stats.pValue()).isCloseTo(1.0, within(1e-6));
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void withoutAControlGroupThereIsNoLift() {
        ResultStatistics stats = ResultStatistics.of(2000, 80, 0, 0);
        assertThat(stats.testRate()).isEqualTo(0.04);
        assertThat(stats.controlRate()).isNull();
        assertThat(stats.lift()).isNull();
        assertThat(stats.pValue()).isNull();
        assertThat(stats.significant()).isFalse();
    }

    @Test
    void noControlConversionsLeavesLiftUndefinedButTestsSignificance() {
        ResultStatistics stats = ResultStatistics.of(1000, 40, 1000, 0);
        assertThat(stats.lift()).isNull();
        assertThat(stats.pValue()).isLessThan(0.001);
    }

    @Test
    void theNormalDistributionIsAccurate() {
        assertThat(ResultStatistics.standardNormalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(ResultStatistics.standardNormalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(ResultStatistics.standardNormalCdf(-1.644854)).isCloseTo(0.05, within(1e-6));
    }
}
