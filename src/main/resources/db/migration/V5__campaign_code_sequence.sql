-- The last sequence number handed out per campaign-code prefix (for example 'ACQ-2026-').
-- Incremented in the transaction that starts a campaign: the row lock makes concurrent
-- starts take turns instead of computing the same next code.
CREATE TABLE campaign_code_sequence (
    code_prefix VARCHAR(40) PRIMARY KEY,
    last_value  INTEGER     NOT NULL
);
