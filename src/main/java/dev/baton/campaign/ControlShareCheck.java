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
            throw new SubmissionRejectedException(CONTROL_COUNT.name(),
                    "cannot exceed audienceCount, which includes the control group (" + control + " > " + audience + ")");
        }
        Double designed = CONTROL_GROUP_PERCENT.get(values);
        double designedPercent = designed == null ? 0 : designed;
        double pulledPercent = 100.0 * control / audience;
        if (Math.abs(pulledPercent - designedPercent) > tolerance + 1e-9) {
            throw new SubmissionRejectedException(CONTROL_COUNT.name(), String.format(Locale.ROOT,
                    "the control share is %.2f%% of the audience, but the test design asks for %s%% (tolerance ±%s points)",
                    pulledPercent, FieldRules.fmt(designedPercent), FieldRules.fmt(tolerance)));
        }
    }
}
