package dev.baton.gate;

import dev.baton.campaign.CampaignVariables;
import dev.baton.ledger.HandoffRecord;

/** The user who sent a handoff may not also accept or return it. */
public final class FourEyesRule {

    private FourEyesRule() {
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
