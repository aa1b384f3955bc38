package dev.baton.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts of one day, campaign type and channel in a campaign-level summary (launch_day,
 * read_out_day): added up from campaigns or read-outs, or read back from a summary row, and
 * written as one. Column names are the summary table's.
 */
abstract sealed class CampaignDayTally<T extends CampaignDayTally<T>>
        permits CampaignDayTally.Launches, CampaignDayTally.ReadOuts {

    /** The summary's value columns, in the order {@link #values()} gives them. */
    abstract String[] columns();

    abstract Object[] values();

    abstract void addDay(ResultSet rs) throws SQLException;

    abstract void merge(T other);

    /** Launched campaigns and how many were launched with a control group, verified tracking, and later read out. */
    static final class Launches extends CampaignDayTally<Launches> {

        static final String[] COLUMNS = {"launched", "with_control", "tracking_verified", "read_out"};

        long launched;
        long withControl;
        long trackingVerified;
        long readOut;

        /** One campaign's launch, from columns control_group_percent and tracking_verified. */
        void addLaunch(ResultSet rs) throws SQLException {
            launched++;
            withControl += rs.getDouble("control_group_percent") > 0 ? 1 : 0;
            trackingVerified += rs.getBoolean("tracking_verified") ? 1 : 0;
        }

        @Override
        String[] columns() {
            return COLUMNS;
        }

        @Override
        Object[] values() {
            return new Object[] {launched, withControl, trackingVerified, readOut};
        }

        @Override
        void addDay(ResultSet rs) throws SQLException {
            launched += rs.getLong("launched");
            withControl += rs.getLong("with_control");
            trackingVerified += rs.getLong("tracking_verified");
            readOut += rs.getLong("read_out");
        }

        @Override
        void merge(Launches other) {
            launched += other.launched;
            withControl += other.withControl;
            trackingVerified += other.trackingVerified;
            readOut += other.readOut;
        }

        Kpis.HygieneKpi kpi() {
            return new Kpis.HygieneKpi(launched, withControl, trackingVerified, readOut, Kpis.share(withControl, launched),
                    Kpis.share(trackingVerified, launched), Kpis.share(readOut, launched));
        }
    }

    /** Read-outs with their lift, significance and next action. */
    static final class ReadOuts extends CampaignDayTally<ReadOuts> {

        static final String[] COLUMNS = {"read_outs", "lift_sum", "lift_count", "significant", "scale_count",
                "iterate_count", "stop_count"};
        /** The significance level of DESIGN.md §3: p below it counts as significant. */
        static final double SIGNIFICANCE = 0.05;

        long readOuts;
        double liftSum;
        long liftCount;
        long significant;
        long scale;
        long iterate;
        long stop;

        /** One read-out, from columns lift, p_value and next_action. */
        void addReadOut(ResultSet rs) throws SQLException {
            readOuts++;
            Double lift = LedgerColumns.dbl(rs, "lift");
            if (lift != null) {
                liftSum += lift;
                liftCount++;
            }
            Double p = LedgerColumns.dbl(rs, "p_value");
            significant += p != null && p < SIGNIFICANCE ? 1 : 0;
            String next = rs.getString("next_action");
            scale += "scale".equals(next) ? 1 : 0;
            iterate += "iterate".equals(next) ? 1 : 0;
            stop += "stop".equals(next) ? 1 : 0;
        }

        @Override
        String[] columns() {
            return COLUMNS;
        }

        @Override
        Object[] values() {
            return new Object[] {readOuts, liftSum, liftCount, significant, scale, iterate, stop};
        }

        @Override
        void addDay(ResultSet rs) throws SQLException {
            readOuts += rs.getLong("read_outs");
            liftSum += rs.getDouble("lift_sum");
            liftCount += rs.getLong("lift_count");
            significant += rs.getLong("significant");
            scale += rs.getLong("scale_count");
            iterate += rs.getLong("iterate_count");
            stop += rs.getLong("stop_count");
        }

        @Override
        void merge(ReadOuts other) {
            readOuts += other.readOuts;
            liftSum += other.liftSum;
            liftCount += other.liftCount;
            significant += other.significant;
            scale += other.scale;
            iterate += other.iterate;
            stop += other.stop;
        }

        Kpis.OutcomeKpi kpi(String campaignType) {
            return new Kpis.OutcomeKpi(campaignType, readOuts, liftCount == 0 ? null : liftSum / liftCount, significant,
                    Kpis.share(significant, readOuts), scale, iterate, stop);
        }
    }

    /** The SUM(column) AS column list of a summary's value columns. */
    static String sums(String[] columns) {
        return String.join(", ", java.util.Arrays.stream(columns).map(c -> "SUM(" + c + ") AS " + c).toList());
    }
}
