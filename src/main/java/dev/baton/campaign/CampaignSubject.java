package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CAMPAIGN_NAME;
import static dev.baton.campaign.CampaignVariables.CAMPAIGN_TYPE;

import dev.baton.gate.GateSubject;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The subject of Baton's lifecycles for the gate pattern: a campaign or program, by code, name and type. */
@Component
public class CampaignSubject implements GateSubject {

    /** The campaign code, then the name: what Tasklist lists and searches and mails show. */
    @Override
    public String name(VariableScope scope) {
        return codeAndName(scope);
    }

    public static String codeAndName(VariableScope scope) {
        String name = CAMPAIGN_NAME.get(scope);
        String code = code(scope);
        String named = name == null ? "(unnamed campaign)" : name;
        return code == null ? named : code + " " + named;
    }

    /** The campaign's code, its process instance's business key. */
    public static String code(VariableScope scope) {
        if (scope instanceof DelegateTask task) {
            return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        }
        return scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
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
