package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.CONTROL_EXEMPTION_REASON;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_PERCENT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_REQUIRED;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_METHOD;
import static dev.baton.campaign.CampaignVariables.MINIMUM_DETECTABLE_LIFT_PERCENT;
import static dev.baton.campaign.CampaignVariables.MIN_CONTROL_PERCENT;
import static dev.baton.campaign.CampaignVariables.TEST_CELLS;

import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The test design keeps the control group policy (DMN {@code ControlGroupPolicy}, evaluated by
 * the process at the start): a required control group must be at least the policy's minimum;
 * a campaign without one needs a recorded exemption, and only where the policy allows it.
 */
@Component
public class TestAndControlDesignRule implements GateRule {

    private static final Set<String> HOLDOUT_METHODS = Set.of("random", "stratified", "geo");

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return CampaignLifecycleProcess.GATE_TEST_DESIGN.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        if (!submission.ownPartDue()) {
            return;
        }
        var values = submission.values();
        double percent = FieldRules.decimal(values, CONTROL_GROUP_PERCENT, 0, 50, false);
        boolean required = Boolean.TRUE.equals(CONTROL_GROUP_REQUIRED.get(values));
        Long minimum = MIN_CONTROL_PERCENT.get(values);
        if (percent == 0) {
            if (required) {
                throw new SubmissionRejectedException(CONTROL_GROUP_PERCENT.name(),
                        "the control group policy requires a control group of at least " + minimum
                                + "% for this campaign; no exemption is possible");
            }
            FieldRules.requiredText(values, CONTROL_EXEMPTION_REASON, FieldRules.LONG_TEXT);
        } else {
            if (required && minimum != null && percent < minimum) {
                throw new SubmissionRejectedException(CONTROL_GROUP_PERCENT.name(),
                        "the control group policy requires at least " + minimum + "% for this campaign (was "
                                + FieldRules.fmt(percent) + ")");
            }
            if (FieldRules.optionalText(values, CONTROL_EXEMPTION_REASON, FieldRules.LONG_TEXT) != null) {
                throw new SubmissionRejectedException(CONTROL_EXEMPTION_REASON.name(),
                        "only applies to campaigns without a control group (the control group is "
                                + FieldRules.fmt(percent) + "%)");
            }
        }
        FieldRules.oneOf(values, HOLDOUT_METHOD, HOLDOUT_METHODS);
        FieldRules.decimal(values, MINIMUM_DETECTABLE_LIFT_PERCENT, 0, 1000, true);
        FieldRules.wholeNumber(values, TEST_CELLS, 1, 20);
    }
}
