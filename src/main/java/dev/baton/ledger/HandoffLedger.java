package dev.baton.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Records what happens at the gates. Every method runs inside the engine command that caused
 * it, so its rows commit and roll back with the engine state they describe.
 */
@Service
public class HandoffLedger {

    private final LedgerRepository repository;

    public HandoffLedger(LedgerRepository repository) {
        this.repository = repository;
    }

    public void campaignRegistered(String businessKey, String processInstanceId, String name, String type,
                                   String channel, String owner, LocalDate plannedLaunch, Long audienceSize) {
        repository.insertCampaign(new CampaignRecord(businessKey, processInstanceId, name, type, channel, owner,
                plannedLaunch, audienceSize, LedgerClock.now(), null, null, CampaignRecord.RUNNING, null));
    }

    /** Opens the next attempt of a gate and returns its number (1 for the first). */
    public int gateOpened(String businessKey, String processInstanceId, String gate, String taskId, String team,
                          String assignee, OffsetDateTime dueAt) {
        return repository.insertNextGateAttempt(businessKey, processInstanceId, gate, taskId, team, assignee,
                LedgerClock.now(), dueAt);
    }

    public void gateClaimed(String taskId, String assignee) {
        if (assignee == null) {
            repository.markUnclaimed(taskId);
        } else {
            repository.markClaimed(taskId, assignee, LedgerClock.now());
        }
    }

    /**
     * Records a claim if the claimer is in one of the task's teams (candidate groups as the
     * identity tables hold them) and, with {@code reviewOf}, did not send the pending handoff from
     * that gate: one statement; false when it recorded nothing (a rule refused, or the gate has no
     * attempt row), and the caller finds out which.
     */
    public boolean gateClaimedByTeamMember(String businessKey, String taskId, String assignee, String reviewOf) {
        return repository.markClaimed(taskId, assignee, LedgerClock.now(), businessKey, reviewOf, true) == 1;
    }

    /**
     * Records a claim, unless the claimer sent the pending handoff from {@code reviewOf} that
     * this gate reviews (four eyes): then nothing is written and the pending handoff is returned,
     * for the refusal to name it. One statement on the way that succeeds.
     */
    public Optional<HandoffRecord> gateClaimedUnlessSender(String businessKey, String taskId, String assignee, String reviewOf) {
        if (repository.markClaimed(taskId, assignee, LedgerClock.now(), businessKey, reviewOf, false) == 1) {
            return Optional.empty();
        }
        return pendingHandoff(businessKey, reviewOf).filter(h -> assignee.equals(h.sender()));
    }

    /**
     * Records the completion with the engine's transaction. Of two concurrent completions of one
     * gate the engine commits one: the other fails on the task's revision (or on the next gate's
     * attempt, {@link LedgerRepository#insertNextGateAttempt}) and rolls back with its ledger writes.
     */
    public void gateCompleted(String taskId, String completedBy) {
        repository.markCompleted(taskId, completedBy, LedgerClock.now());
    }

    public void gateCancelled(String taskId) {
        repository.markCancelled(taskId, LedgerClock.now());
    }

    /** A project manager acted on an overdue gate (recorded with who, when and why). */
    public void escalationAction(String businessKey, String taskId, String action, String actor, String assignee,
                                 OffsetDateTime newDue, String reason) {
        repository.insertEscalationAction(new EscalationActionRecord(businessKey, taskId, action, actor, LedgerClock.now(),
                assignee, newDue, reason));
        if (newDue != null) {
            repository.updateDueAt(taskId, newDue);
        }
    }

    /** The comments left on the earlier attempts of a gate, oldest attempt first: one query. */
    public java.util.List<AttemptComment> commentsOnEarlierAttempts(String businessKey, String gate, long beforeAttempt) {
        return repository.commentsOnEarlierAttempts(businessKey, gate, beforeAttempt);
    }

    public java.util.List<EscalationActionRecord> escalationActions(String businessKey) {
        return repository.escalationActions(businessKey);
    }

    /** Records the breach of an open gate and who answers for it until it is handed on. */
    public void slaBreached(String taskId, String accountable) {
        repository.markSlaBreached(taskId, LedgerClock.now(), accountable);
    }

    /** Gates still open past their due date and not escalated since (task ids, oldest due first). */
    public java.util.List<String> overdueOpenGates(int limit) {
        return repository.overdueOpenTaskIds(LedgerClock.now(), limit);
    }

    /** Records the escalation (and the breach, the first time) once: false when another node did, or the gate closed meanwhile. */
    public boolean slaBreachedIfOpen(String taskId, String accountable) {
        return repository.markSlaBreachedIfOpen(taskId, LedgerClock.now(), accountable) == 1;
    }

    /**
     * Records the baton leaving a sending gate (the attempt of task {@code fromTaskId}): a handoff
     * that waits for the receiver's decision, numbered after the gate's earlier handoffs.
     */
    public void handoffSent(String businessKey, String fromGate, String fromTaskId, String toGate, String fromTeam,
                            String toTeam, String sender, String accountable) {
        repository.insertHandoffFromAttempt(businessKey, fromGate, fromTaskId, toGate, fromTeam, toTeam, sender,
                LedgerClock.now(), accountable);
    }

    /** The latest handoff a gate sent in this campaign, decided or not. */
    public Optional<HandoffRecord> lastHandoff(String businessKey, String fromGate) {
        return repository.lastHandoff(businessKey, fromGate);
    }

    /** The attempt number of a gate's task. */
    public Optional<Integer> gateAttempt(String taskId) {
        return repository.findGateAttempt(taskId).map(GateAttemptRecord::attempt);
    }

    public Optional<HandoffRecord> pendingHandoff(String businessKey, String fromGate) {
        return repository.lastHandoff(businessKey, fromGate).filter(h -> h.decision() == null);
    }

    public void handoffDecided(HandoffRecord handoff, boolean accepted, String receiver, Integer quality,
                               String returnReason) {
        String decision = accepted ? HandoffRecord.ACCEPTED : HandoffRecord.RETURNED;
        repository.decideHandoff(handoff.id(), decision, receiver, quality, accepted ? null : returnReason,
                LedgerClock.now());
    }

    public java.util.List<HandoffRecord> handoffs(String businessKey) {
        return repository.handoffs(businessKey);
    }

    /** The launch, with the hygiene facts known at that moment: control share pulled, tracking signed off. */
    public void campaignLaunched(String businessKey, Double controlGroupPercent, Boolean trackingVerified,
                                 Boolean controlGroupTracked) {
        repository.markLaunched(businessKey, LedgerClock.now(), controlGroupPercent, trackingVerified, controlGroupTracked);
    }

    public void campaignCompleted(CampaignResultRecord result) {
        repository.insertResult(result);
        repository.close(result.businessKey(), CampaignRecord.COMPLETED, null, result.recordedAt());
    }

    public int programReviewed(ProgramReviewRecord review) {
        repository.insertProgramReview(review);
        return review.reviewNumber();
    }

    public int nextReviewNumber(String businessKey) {
        return repository.countProgramReviews(businessKey) + 1;
    }

    public void programPaused(String businessKey) {
        repository.setPaused(businessKey, LedgerClock.now());
    }

    public void programResumed(String businessKey) {
        repository.setPaused(businessKey, null);
    }

    public void programRetired(String businessKey) {
        repository.setPaused(businessKey, null);
        repository.close(businessKey, CampaignRecord.COMPLETED, null, LedgerClock.now());
    }

    /** Recent learnings of other campaigns and programs of a type: [name, learnings, date]. */
    public java.util.List<String[]> recentLearnings(String campaignType, String excludeBusinessKey, int limit) {
        return repository.recentLearnings(campaignType, excludeBusinessKey, limit);
    }

    /** The process instance was deleted (Cockpit, REST): an open campaign is recorded as cancelled. */
    public void campaignDeleted(String businessKey, String reason) {
        repository.closeIfOpen(businessKey, CampaignRecord.CANCELLED, reason, LedgerClock.now());
    }

    public void campaignCancelled(String businessKey, String reason) {
        repository.close(businessKey, CampaignRecord.CANCELLED, reason, LedgerClock.now());
    }
}
