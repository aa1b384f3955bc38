package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.AUDIENCE_QUERY_REF;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_PERCENT;
import static dev.baton.campaign.CampaignVariables.SUPPRESSIONS_APPLIED;

import dev.baton.BatonProperties;
import dev.baton.campaign.CampaignLifecycleProcess;
import org.springframework.stereotype.Component;

/**
 * The pulled audience must really contain the designed control group: the control share
 * (controlCount / audienceCount) must match the designed percent within
 * {@code baton.control-share-tolerance-percent} percentage points.
 */
@Component
public class AudiencePullRule implements GateRule {

    private final double tolerance;

    public AudiencePullRule(BatonProperties properties) {
        this.tolerance = properties.controlShareTolerancePercent();
    }

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return CampaignLifecycleProcess.GATE_AUDIENCE_PULL.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        if (!submission.ownPartDue()) {
            return;
        }
        var values = submission.values();
        long audience = FieldRules.wholeNumber(values, AUDIENCE_COUNT, 1, Long.MAX_VALUE);
        long control = FieldRules.wholeNumber(values, CONTROL_COUNT, 0, Long.MAX_VALUE);
        if (control > audience) {
            throw new SubmissionRejectedException(CONTROL_COUNT.name(),
                    "cannot exceed audienceCount, which includes the control group (" + control + " > " + audience + ")");
        }
        FieldRules.mustBeTrue(values, SUPPRESSIONS_APPLIED, "opt-outs, complaints and recent contacts are suppressed");
        FieldRules.requiredText(values, AUDIENCE_QUERY_REF, FieldRules.SHORT_TEXT);
        Double designed = CONTROL_GROUP_PERCENT.get(values);
        double designedPercent = designed == null ? 0 : designed;
        double pulledPercent = 100.0 * control / audience;
        if (Math.abs(pulledPercent - designedPercent) > tolerance + 1e-9) {
            throw new SubmissionRejectedException(CONTROL_COUNT.name(), String.format(java.util.Locale.ROOT,
                    "the control share is %.2f%% of the audience, but the test design asks for %s%% (tolerance ±%s points)",
                    pulledPercent, FieldRules.fmt(designedPercent), FieldRules.fmt(tolerance)));
        }
    }
}
