package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.ATTRIBUTION_WINDOW_DAYS;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_TRACKED;
import static dev.baton.campaign.CampaignVariables.SEED_LIST_TESTED;
import static dev.baton.campaign.CampaignVariables.TRACKING_CODES_VERIFIED;

import dev.baton.campaign.CampaignLifecycleProcess;
import org.springframework.stereotype.Component;

/** Tracking is signed off with a stated attribution window; a control group must be tracked too. */
@Component
public class TrackingSignOffRule implements GateRule {

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return CampaignLifecycleProcess.GATE_TRACKING_SIGNOFF.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        if (!submission.ownPartDue()) {
            return;
        }
        var values = submission.values();
        FieldRules.requiredFlag(values, TRACKING_CODES_VERIFIED);
        FieldRules.requiredFlag(values, SEED_LIST_TESTED);
        Long control = CONTROL_COUNT.get(values);
        if (control != null && control > 0) {
            FieldRules.mustBeTrue(values, CONTROL_GROUP_TRACKED,
                    "the campaign has a control group of " + control + ", and its conversions must be measured too");
        }
        FieldRules.wholeNumber(values, ATTRIBUTION_WINDOW_DAYS, 1, 90);
    }
}
