package dev.baton.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Counts of one day, campaign type and channel in a campaign-level summary (launch_day,
 * read_out_day): added up from campaigns or read-outs, or read back from a summary row, and
 * written as one. The counts are kept by the summary's column names, so reading, adding and
 * writing a row is the same for both summaries.
 */
abstract sealed class CampaignDayTally<T extends CampaignDayTally<T>>
        permits CampaignDayTally.Launches, CampaignDayTally.ReadOuts {

    private final String[] countColumns;
    final long[] counts;

    CampaignDayTally(String[] countColumns) {
        this.countColumns = countColumns;
        this.counts = new long[countColumns.length];
    }

    /** The summary's value columns, in the order {@link #values()} gives them. */
    String[] columns() {
        return countColumns;
    }

    Object[] values() {
        return Arrays.stream(counts).boxed().toArray();
    }

    void addDay(ResultSet rs) throws SQLException {
        for (int i = 0; i < countColumns.length; i++) {
            counts[i] += rs.getLong(countColumns[i]);
        }
    }

    void merge(T other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Launched campaigns and how many were launched with a control group, verified tracking, and later read out. */
    static final class Launches extends CampaignDayTally<Launches> {

        static final String[] COLUMNS = {"launched", "with_control", "tracking_verified", "read_out"};
        private static final int LAUNCHED = 0;
        private static final int WITH_CONTROL = 1;
        private static final int TRACKING_VERIFIED = 2;
        private static final int READ_OUT = 3;

        Launches() {
            super(COLUMNS);
        }

        /** One campaign's launch, from columns control_group_percent and tracking_verified. */
        void addLaunch(ResultSet rs) throws SQLException {
            counts[LAUNCHED]++;
            counts[WITH_CONTROL] += rs.getDouble("control_group_percent") > 0 ? 1 : 0;
            counts[TRACKING_VERIFIED] += rs.getBoolean("tracking_verified") ? 1 : 0;
        }

        /** One read-out of a campaign launched on this tally's day. */
        void addReadOut() {
            counts[READ_OUT]++;
        }

        Kpis.HygieneKpi kpi() {
            long launched = counts[LAUNCHED];
            return new Kpis.HygieneKpi(launched, counts[WITH_CONTROL], counts[TRACKING_VERIFIED], counts[READ_OUT],
                    Kpis.share(counts[WITH_CONTROL], launched), Kpis.share(counts[TRACKING_VERIFIED], launched),
                    Kpis.share(counts[READ_OUT], launched));
        }
    }

    /** Read-outs with their lift (summed, for the mean), significance and next action. */
    static final class ReadOuts extends CampaignDayTally<ReadOuts> {

        static final String[] COUNT_COLUMNS = {"read_outs", "lift_count", "significant", "scale_count",
                "iterate_count", "stop_count"};
        static final String LIFT_SUM = "lift_sum";
        static final String[] COLUMNS = java.util.stream.Stream.concat(Arrays.stream(COUNT_COLUMNS),
                java.util.stream.Stream.of(LIFT_SUM)).toArray(String[]::new);
        /** The significance level of DESIGN.md §3: p below it counts as significant. */
        static final double SIGNIFICANCE = 0.05;
        private static final java.util.List<String> NEXT_ACTIONS = java.util.List.of("scale", "iterate", "stop");
        private static final int READ_OUTS = 0;
        private static final int LIFT_COUNT = 1;
        private static final int SIGNIFICANT = 2;
        private static final int FIRST_NEXT_ACTION = 3;

        double liftSum;

        ReadOuts() {
            super(COUNT_COLUMNS);
        }

        /** One read-out, from columns lift, p_value and next_action. */
        void addReadOut(ResultSet rs) throws SQLException {
            counts[READ_OUTS]++;
            Double lift = LedgerColumns.dbl(rs, "lift");
            if (lift != null) {
                liftSum += lift;
                counts[LIFT_COUNT]++;
            }
            Double p = LedgerColumns.dbl(rs, "p_value");
            counts[SIGNIFICANT] += p != null && p < SIGNIFICANCE ? 1 : 0;
            int next = NEXT_ACTIONS.indexOf(rs.getString("next_action"));
            if (next >= 0) {
                counts[FIRST_NEXT_ACTION + next]++;
            }
        }

        @Override
        String[] columns() {
            return COLUMNS;
        }

        @Override
        Object[] values() {
            Object[] values = Arrays.copyOf(super.values(), COLUMNS.length);
            values[COLUMNS.length - 1] = liftSum;
            return values;
        }

        @Override
        void addDay(ResultSet rs) throws SQLException {
            super.addDay(rs);
            liftSum += rs.getDouble(LIFT_SUM);
        }

        @Override
        void merge(ReadOuts other) {
            super.merge(other);
            liftSum += other.liftSum;
        }

        Kpis.OutcomeKpi kpi(String campaignType) {
            long readOuts = counts[READ_OUTS];
            return new Kpis.OutcomeKpi(campaignType, readOuts, counts[LIFT_COUNT] == 0 ? null : liftSum / counts[LIFT_COUNT],
                    counts[SIGNIFICANT], Kpis.share(counts[SIGNIFICANT], readOuts), counts[FIRST_NEXT_ACTION],
                    counts[FIRST_NEXT_ACTION + 1], counts[FIRST_NEXT_ACTION + 2]);
        }
    }

    /** The SUM(column) AS column list of a summary's value columns. */
    static String sums(String[] columns) {
        return String.join(", ", Arrays.stream(columns).map(c -> "SUM(" + c + ") AS " + c).toList());
    }
}
