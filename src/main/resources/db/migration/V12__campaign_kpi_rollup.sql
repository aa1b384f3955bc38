-- Campaign-level KPIs from daily summaries too (issue 13: the Cockpit dashboard over two years).
-- Hygiene (launched, control group, tracking, read out) and outcomes (read-outs) read whole days
-- from here and only the rest from the ledger, as the gate and handoff KPIs do since V7. A
-- campaign's hygiene facts are recorded at launch and a read-out never changes once recorded, so
-- metrics/CampaignRollup counts each once, on closed days. Portable SQL: H2 2.x and PostgreSQL.

-- TRUE once the campaign's launch (or the read-out) is counted in a daily summary.
ALTER TABLE campaign ADD COLUMN summarized BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE campaign_result ADD COLUMN summarized BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX campaign_summarized_idx ON campaign (summarized, launched_at);
CREATE INDEX campaign_result_summarized_idx ON campaign_result (summarized, recorded_at);

-- Launched campaigns per UTC day of launched_at, campaign type and channel. read_out counts
-- the read-outs of those campaigns (by their launch day) as the read-outs are rolled up.
CREATE TABLE launch_day (
    ledger_day          DATE         NOT NULL,
    campaign_type       VARCHAR(32)  NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    launched            BIGINT       NOT NULL,
    with_control        BIGINT       NOT NULL,
    tracking_verified   BIGINT       NOT NULL,
    read_out            BIGINT       NOT NULL,
    CONSTRAINT launch_day_pk PRIMARY KEY (ledger_day, campaign_type, channel)
);

-- Read-outs per UTC day of recorded_at, campaign type and channel. Mean lift is
-- lift_sum / lift_count (read-outs without a lift are not averaged, as AVG does).
CREATE TABLE read_out_day (
    ledger_day          DATE         NOT NULL,
    campaign_type       VARCHAR(32)  NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    read_outs           BIGINT       NOT NULL,
    lift_sum            DOUBLE PRECISION NOT NULL,
    lift_count          BIGINT       NOT NULL,
    significant         BIGINT       NOT NULL,
    scale_count         BIGINT       NOT NULL,
    iterate_count       BIGINT       NOT NULL,
    stop_count          BIGINT       NOT NULL,
    CONSTRAINT read_out_day_pk PRIMARY KEY (ledger_day, campaign_type, channel)
);

-- TRUE once the campaign has a program review (an always-on program): the dashboard lists the
-- newest programs of a range from this index instead of probing program_review for every campaign.
ALTER TABLE campaign ADD COLUMN program BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE campaign SET program = TRUE WHERE business_key IN (SELECT business_key FROM program_review);
CREATE INDEX campaign_program_idx ON campaign (program, created_at);
