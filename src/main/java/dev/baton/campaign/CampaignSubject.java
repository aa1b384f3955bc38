package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CAMPAIGN_NAME;
import static dev.baton.campaign.CampaignVariables.CAMPAIGN_TYPE;

import dev.baton.gate.GateSubject;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The subject of Baton's lifecycles for the gate pattern: a campaign or program, by name and type. */
@Component
public class CampaignSubject implements GateSubject {

    @Override
    public String name(VariableScope scope) {
        String name = CAMPAIGN_NAME.get(scope);
        return name == null ? "(unnamed campaign)" : name;
    }

    @Override
    public String kind(VariableScope scope) {
        return CAMPAIGN_TYPE.get(scope);
    }

    /** The GateSla decision asks for the campaign type (bpmn/CampaignPolicy.dmn). */
    @Override
    public Map<String, Object> policyInputs(VariableScope scope) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(CAMPAIGN_TYPE.name(), CAMPAIGN_TYPE.get(scope));
        return inputs;
    }
}
