-- Whether the sending gate attempt of a handoff breached its SLA, on the handoff itself: the
-- sender KPIs (per accountable person, per sending team) counted it through a join to
-- gate_attempt, which PostgreSQL ran as a hash join over every attempt ever recorded
-- (docs/kpi-query-plans.md). A sending attempt is complete when its handoff is written, so the
-- fact never changes afterwards.
ALTER TABLE handoff ADD COLUMN sender_breached BOOLEAN;

UPDATE handoff SET sender_breached = EXISTS (
    SELECT 1 FROM gate_attempt g
    WHERE g.business_key = handoff.business_key AND g.gate = handoff.from_gate
      AND g.attempt = handoff.from_attempt AND g.sla_breached_at IS NOT NULL);
