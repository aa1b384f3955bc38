package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_CONVERSIONS;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.TEST_CONVERSIONS;

import dev.baton.gate.GateCheck;
import dev.baton.gate.GateSubmission;
import dev.baton.gate.SubmissionRejectedException;
import org.springframework.stereotype.Component;

/** {@code conversions-within-groups} (results read-out): no more conversions than the group had members. */
@Component
public class ConversionsWithinGroupsCheck implements GateCheck {

    @Override
    public String name() {
        return "conversions-within-groups";
    }

    @Override
    public void check(GateSubmission submission) {
        var values = submission.values();
        long audience = orZero(AUDIENCE_COUNT.get(values));
        long control = orZero(CONTROL_COUNT.get(values));
        long test = orZero(TEST_CONVERSIONS.get(values));
        if (test > audience - control) {
            throw new SubmissionRejectedException(TEST_CONVERSIONS.name(), "cannot exceed the test group of "
                    + (audience - control) + " (was " + test + ")");
        }
        long controlConversions = orZero(CONTROL_CONVERSIONS.get(values));
        if (controlConversions > control) {
            throw new SubmissionRejectedException(CONTROL_CONVERSIONS.name(), "cannot exceed the control group of "
                    + control + " (was " + controlConversions + ")");
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
