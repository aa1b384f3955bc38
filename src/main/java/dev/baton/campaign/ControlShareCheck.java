package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_PERCENT;

import dev.baton.BatonProperties;
import dev.baton.gate.FieldRules;
import dev.baton.gate.GateCheck;
import dev.baton.gate.GateSubmission;
import dev.baton.gate.SubmissionRejectedException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code control-share} (audience pull): the control group must really be there — within the
 * audience, and its share of it within baton.control-share-tolerance-percent of the design.
 */
@Component
public class ControlShareCheck implements GateCheck {

    private final double tolerance;

    public ControlShareCheck(BatonProperties properties) {
        this.tolerance = properties.controlShareTolerancePercent();
    }

    @Override
    public String name() {
        return "control-share";
    }

    @Override
    public void check(GateSubmission submission) {
        if (submission.returning()) {
            return;
        }
        var values = submission.values();
        Long audienceCount = AUDIENCE_COUNT.get(values);
        Long controlCount = CONTROL_COUNT.get(values);
        if (audienceCount == null || controlCount == null || audienceCount == 0) {
            return;
        }
        long audience = audienceCount;
        long control = controlCount;
        if (control > audience) {
            throw new SubmissionRejectedException(CONTROL_COUNT.name(), String.format(Locale.ROOT,
                    "at most the audience of %,d (the control group is part of it), %,d entered", audience, control));
        }
        Double designed = CONTROL_GROUP_PERCENT.get(values);
        double designedPercent = designed == null ? 0 : designed;
        double pulledPercent = 100.0 * control / audience;
        if (Math.abs(pulledPercent - designedPercent) > tolerance + 1e-9) {
            // what is expected first, in the numbers the person typed
            throw new SubmissionRejectedException(CONTROL_COUNT.name(), String.format(Locale.ROOT,
                    "%,d expected (%s %% of %,d ± %s point%s, as the test design asks), %,d entered (%.2f %%)",
                    Math.round(audience * designedPercent / 100), FieldRules.fmt(designedPercent), audience,
                    FieldRules.fmt(tolerance), tolerance == 1 ? "" : "s", control, pulledPercent));
        }
    }
}
