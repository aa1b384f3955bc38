-- The dashboard's hygiene and outcome KPIs select campaigns by launch and results by read-out
-- date; without these indexes both scanned every campaign (docs/kpi-query-plans.md).
CREATE INDEX campaign_launched_idx ON campaign (launched_at);
CREATE INDEX campaign_result_recorded_idx ON campaign_result (recorded_at);
