package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CONTROL_EXEMPTION_REASON;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_PERCENT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_REQUIRED;
import static dev.baton.campaign.CampaignVariables.MIN_CONTROL_PERCENT;

import dev.baton.gate.FieldRules;
import dev.baton.gate.GateCheck;
import dev.baton.gate.GateSubmission;
import dev.baton.gate.SubmissionRejectedException;
import org.springframework.stereotype.Component;

/**
 * {@code control-policy} (test-and-control design): the control group the ControlGroupPolicy
 * decision requires for this campaign — at least its minimum share, no exemption where one is
 * required, and an exemption reason only for a campaign without a control group.
 */
@Component
public class ControlPolicyCheck implements GateCheck {

    @Override
    public String name() {
        return "control-policy";
    }

    @Override
    public void check(GateSubmission submission) {
        if (submission.returning()) {
            return;
        }
        var values = submission.values();
        Double given = CONTROL_GROUP_PERCENT.get(values);
        double percent = given == null ? 0 : given;
        boolean required = Boolean.TRUE.equals(CONTROL_GROUP_REQUIRED.get(values));
        Long minimum = MIN_CONTROL_PERCENT.get(values);
        if (percent == 0 && required) {
            throw new SubmissionRejectedException(CONTROL_GROUP_PERCENT.name(), "at least " + minimum + "% expected: the "
                    + "control group policy requires a control group for this campaign, no exemption is possible");
        }
        if (percent > 0 && required && minimum != null && percent < minimum) {
            throw new SubmissionRejectedException(CONTROL_GROUP_PERCENT.name(), "at least " + minimum
                    + "% expected by the control group policy for this campaign, " + FieldRules.fmt(percent) + "% entered");
        }
        String exemption = CONTROL_EXEMPTION_REASON.get(values);
        if (percent > 0 && exemption != null && !exemption.isBlank()) {
            throw new SubmissionRejectedException(CONTROL_EXEMPTION_REASON.name(), "only applies to campaigns without a "
                    + "control group (the control group is " + FieldRules.fmt(percent) + "%)");
        }
    }
}
