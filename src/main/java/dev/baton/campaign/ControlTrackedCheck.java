package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_TRACKED;

import dev.baton.gate.GateCheck;
import dev.baton.gate.GateSubmission;
import dev.baton.gate.SubmissionRejectedException;
import org.springframework.stereotype.Component;

/** {@code control-tracked} (tracking sign-off): a campaign with a control group measures its conversions too. */
@Component
public class ControlTrackedCheck implements GateCheck {

    @Override
    public String name() {
        return "control-tracked";
    }

    @Override
    public void check(GateSubmission submission) {
        if (submission.returning()) {
            return;
        }
        Long control = CONTROL_COUNT.get(submission.values());
        if (control != null && control > 0 && !Boolean.TRUE.equals(CONTROL_GROUP_TRACKED.get(submission.values()))) {
            throw new SubmissionRejectedException(CONTROL_GROUP_TRACKED.name(), "must be confirmed: the campaign has a "
                    + "control group of " + control + ", and its conversions must be measured too");
        }
    }
}
