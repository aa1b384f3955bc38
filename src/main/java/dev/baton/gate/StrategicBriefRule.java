package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.OBJECTIVE;
import static dev.baton.campaign.CampaignVariables.OFFER;
import static dev.baton.campaign.CampaignVariables.PRIMARY_KPI;
import static dev.baton.campaign.CampaignVariables.SUCCESS_CRITERIA;
import static dev.baton.campaign.CampaignVariables.TARGET_AUDIENCE_DEFINITION;

import dev.baton.campaign.CampaignLifecycleProcess;
import org.springframework.stereotype.Component;

/** A brief names its objective, one measurable KPI, the audience, the offer and what success is. */
@Component
public class StrategicBriefRule implements GateRule {

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return CampaignLifecycleProcess.GATE_BRIEF.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        var values = submission.values();
        FieldRules.requiredText(values, OBJECTIVE, FieldRules.LONG_TEXT);
        FieldRules.requiredText(values, PRIMARY_KPI, FieldRules.SHORT_TEXT);
        FieldRules.requiredText(values, TARGET_AUDIENCE_DEFINITION, FieldRules.LONG_TEXT);
        FieldRules.requiredText(values, OFFER, FieldRules.LONG_TEXT);
        FieldRules.requiredText(values, SUCCESS_CRITERIA, FieldRules.LONG_TEXT);
    }
}
