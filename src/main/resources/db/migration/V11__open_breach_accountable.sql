-- Who answers for an overdue gate while it is still open: recorded with the breach, so that the
-- accountable and team KPIs can count a breach before its gate is handed on (the handoff row
-- carries the accountable person from then on). Attempts breached before this version stay NULL.
ALTER TABLE gate_attempt ADD COLUMN breach_accountable VARCHAR(255);

-- Open attempts are few among many finished ones: the KPIs and the SLA watch find them by this index.
CREATE INDEX gate_attempt_open_idx ON gate_attempt (completed_at, cancelled_at, sla_breached_at);

-- When the gate's escalation was last raised. A project manager's new due date can pass too; the
-- SLA watch then escalates the attempt again (its first breach stays recorded). Breaches raised
-- before this version count as escalated then.
ALTER TABLE gate_attempt ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
UPDATE gate_attempt SET escalated_at = sla_breached_at WHERE sla_breached_at IS NOT NULL;
