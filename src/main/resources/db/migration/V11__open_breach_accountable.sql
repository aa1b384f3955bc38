-- Who answers for an overdue gate while it is still open: recorded with the breach, so that the
-- accountable and team KPIs can count a breach before its gate is handed on (the handoff row
-- carries the accountable person from then on). Attempts breached before this version stay NULL.
ALTER TABLE gate_attempt ADD COLUMN breach_accountable VARCHAR(255);

-- Since when an attempt is breached and still open (NULL once completed or cancelled): the few
-- open breaches are found by an index on it, among a ledger of mostly finished attempts. Not an
-- index on completed_at: a completion would then change an indexed column and lose PostgreSQL's
-- in-place (HOT) update of the row, which the gate benchmark showed on every completion.
ALTER TABLE gate_attempt ADD COLUMN open_breach_since TIMESTAMP WITH TIME ZONE;
UPDATE gate_attempt SET open_breach_since = sla_breached_at
WHERE sla_breached_at IS NOT NULL AND completed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX gate_attempt_open_breach_idx ON gate_attempt (open_breach_since);

-- When the gate's escalation was last raised. A project manager's new due date can pass too; the
-- SLA watch then escalates the attempt again (its first breach stays recorded). Breaches raised
-- before this version count as escalated then.
ALTER TABLE gate_attempt ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
UPDATE gate_attempt SET escalated_at = sla_breached_at WHERE sla_breached_at IS NOT NULL;
