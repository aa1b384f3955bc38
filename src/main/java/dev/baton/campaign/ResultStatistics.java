package dev.baton.campaign;

/**
 * Conversion rates, relative lift against control and a two-sided two-proportion z-test.
 * Lift and p-value are null where they are undefined (no control group, no control conversions).
 */
public record ResultStatistics(Double testRate, Double controlRate, Double lift, Double pValue) {

    public static final double SIGNIFICANCE_LEVEL = 0.05;

    public static ResultStatistics of(long testSize, long testConversions, long controlSize, long controlConversions) {
        Double testRate = testSize > 0 ? (double) testConversions / testSize : null;
        Double controlRate = controlSize > 0 ? (double) controlConversions / controlSize : null;
        if (testRate == null || controlRate == null) {
            return new ResultStatistics(testRate, controlRate, null, null);
        }
        Double lift = controlRate > 0 ? (testRate - controlRate) / controlRate : null;
        double pooled = (double) (testConversions + controlConversions) / (testSize + controlSize);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / testSize + 1.0 / controlSize));
        double pValue = standardError == 0 ? 1.0
                : 2 * (1 - standardNormalCdf(Math.abs(testRate - controlRate) / standardError));
        return new ResultStatistics(testRate, controlRate, lift, Math.min(1.0, Math.max(0.0, pValue)));
    }

    public boolean significant() {
        return pValue != null && pValue < SIGNIFICANCE_LEVEL;
    }

    /** The standard normal distribution function. */
    static double standardNormalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** erfc with a Chebyshev-fitted approximation, fractional error below 1.2e-7 (Numerical Recipes §6.2). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
