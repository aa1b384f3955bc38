package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import org.springframework.stereotype.Component;

/** {@code four-eyes}: the user who sent a handoff may not accept or return it, nor even take its review. */
@Component
public class FourEyesCheck implements GateCheck {

    public static final String NAME = "four-eyes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(GateSubmission submission) {
        HandoffRecord pending = submission.pending();
        if (pending != null && pending.sender() != null && pending.sender().equals(submission.completer())) {
            throw new SubmissionRejectedException(GateVariables.HANDOFF_DECISION.name(),
                    "four-eyes rule: " + submission.completer() + " completed the " + pending.fromGate()
                            + " gate and cannot also decide on its handoff; another member of team "
                            + pending.toTeam() + " must review it");
        }
    }

    /** At claim or assignment: the sender cannot hold the review, so nobody fills it in for nothing. */
    public static void checkHolder(HandoffRecord pending, String assignee) {
        if (pending.sender() != null && pending.sender().equals(assignee)) {
            throw new SubmissionRejectedException("assignee", assignee + " sent this " + pending.fromGate()
                    + " and cannot review it; another member of team " + pending.toTeam() + " takes this gate (four-eyes rule)")
                    .labelled("Four eyes");
        }
    }
}
