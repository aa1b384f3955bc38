package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.HOLDOUT_ASSIGNMENT_RULE;
import static dev.baton.campaign.CampaignVariables.SEGMENT_RULE;
import static dev.baton.campaign.CampaignVariables.SUPPRESSIONS_APPLIED;
import static dev.baton.campaign.CampaignVariables.TRIGGER_RULE;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import org.springframework.stereotype.Component;

/** An always-on program names its trigger, its segment and how members are assigned to the holdout. */
@Component
public class AudienceRulesRule implements GateRule {

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return AutomatedCampaignLifecycleProcess.GATE_AUDIENCE_RULES.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        if (!submission.ownPartDue()) {
            return;
        }
        var values = submission.values();
        FieldRules.requiredText(values, TRIGGER_RULE, FieldRules.LONG_TEXT);
        FieldRules.requiredText(values, SEGMENT_RULE, FieldRules.LONG_TEXT);
        FieldRules.requiredText(values, HOLDOUT_ASSIGNMENT_RULE, FieldRules.LONG_TEXT);
        FieldRules.mustBeTrue(values, SUPPRESSIONS_APPLIED, "opt-outs, complaints and recent contacts are suppressed");
    }
}
