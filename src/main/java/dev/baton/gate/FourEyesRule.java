package dev.baton.gate;

import dev.baton.campaign.CampaignVariables;
import dev.baton.ledger.HandoffRecord;

/** The user who sent a handoff may not also accept or return it, nor even take its review. */
public final class FourEyesRule {

    private FourEyesRule() {
    }

    /** At claim or assignment: the sender cannot hold the review, so nobody fills it in for nothing. */
    public static void checkHolder(HandoffRecord pending, String assignee) {
        if (pending.sender() != null && pending.sender().equals(assignee)) {
            throw new SubmissionRejectedException("assignee", "four-eyes rule: " + assignee + " sent this "
                    + pending.fromGate() + " and cannot review it; another member of team " + pending.toTeam()
                    + " takes this gate");
        }
    }

    public static void check(HandoffRecord pending, String decider) {
        if (pending.sender() != null && pending.sender().equals(decider)) {
            throw new SubmissionRejectedException(CampaignVariables.HANDOFF_DECISION.name(),
                    "four-eyes rule: " + decider + " completed the " + pending.fromGate()
                            + " gate and cannot also decide on its handoff; another member of team "
                            + pending.toTeam() + " must review it");
        }
    }
}
