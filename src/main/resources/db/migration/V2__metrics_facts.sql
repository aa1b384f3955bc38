-- Facts the handoff metrics need (issue: handoff metrics). Added columns only: the V1
-- contract stays as it was.

-- Which attempt of the sending gate produced a handoff: joins a handoff to its sending
-- gate_attempt exactly (SLA breaches per accountable person and sending team).
ALTER TABLE handoff ADD COLUMN from_attempt INTEGER;

-- Campaign hygiene, recorded at launch: the control group as pulled, and the tracking sign-off.
ALTER TABLE campaign ADD COLUMN control_group_percent DOUBLE PRECISION;
ALTER TABLE campaign ADD COLUMN tracking_verified BOOLEAN;
ALTER TABLE campaign ADD COLUMN control_group_tracked BOOLEAN;

CREATE INDEX gate_attempt_created_idx ON gate_attempt (created_at);
CREATE INDEX handoff_sent_idx ON handoff (sent_at);
