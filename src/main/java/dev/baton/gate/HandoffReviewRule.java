package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.HANDOFF_DECISION;
import static dev.baton.campaign.CampaignVariables.HANDOFF_QUALITY;
import static dev.baton.campaign.CampaignVariables.RETURN_REASON;

import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The review at the top of every receiving gate: decision, quality 1–5, and a reason to return. */
@Component
public class HandoffReviewRule implements GateRule {

    private static final Set<String> DECISIONS =
            Set.of(CampaignLifecycleProcess.DECISION_ACCEPT, CampaignLifecycleProcess.DECISION_RETURN);

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return gate.receivesHandoff();
    }

    @Override
    public void check(GateSubmission submission) {
        if (!submission.reviewDue()) {
            return;
        }
        var values = submission.values();
        String decision = FieldRules.oneOf(values, HANDOFF_DECISION, DECISIONS);
        FieldRules.wholeNumber(values, HANDOFF_QUALITY, 1, 5);
        if (CampaignLifecycleProcess.DECISION_RETURN.equals(decision)) {
            FieldRules.requiredText(values, RETURN_REASON, FieldRules.LONG_TEXT);
        }
    }
}
