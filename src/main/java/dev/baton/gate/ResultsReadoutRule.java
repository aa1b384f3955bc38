package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_CONVERSIONS;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.LEARNINGS;
import static dev.baton.campaign.CampaignVariables.NEXT_ACTION;
import static dev.baton.campaign.CampaignVariables.TEST_CONVERSIONS;

import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Conversions cannot exceed the group sizes pulled at the audience gate. */
@Component
public class ResultsReadoutRule implements GateRule {

    private static final Set<String> NEXT_ACTIONS = Set.of("scale", "iterate", "stop");

    @Override
    public boolean appliesTo(GateDefinition gate) {
        return CampaignLifecycleProcess.GATE_RESULTS_READOUT.equals(gate.key());
    }

    @Override
    public void check(GateSubmission submission) {
        var values = submission.values();
        long audience = valueOrZero(AUDIENCE_COUNT.get(values));
        long control = valueOrZero(CONTROL_COUNT.get(values));
        FieldRules.wholeNumber(values, TEST_CONVERSIONS, 0, audience - control);
        FieldRules.wholeNumber(values, CONTROL_CONVERSIONS, 0, control);
        FieldRules.requiredText(values, LEARNINGS, FieldRules.LONG_TEXT);
        FieldRules.oneOf(values, NEXT_ACTION, NEXT_ACTIONS);
    }

    private static long valueOrZero(Long value) {
        return value == null ? 0 : value;
    }
}
