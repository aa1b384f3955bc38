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

    /**
     * "**Cross-sell** campaign on **E-mail**, planned launch Wed 9 Dec 2026, about **60,000**
     * customers." — or, for an always-on program, its members per review cycle and its holdout.
     */
    @Override
    public String summary(VariableScope scope) {
        String type = label(CampaignRequest.TYPE_LABELS, CAMPAIGN_TYPE.get(scope));
        String channel = label(CampaignRequest.CHANNEL_LABELS, CampaignVariables.CHANNEL.get(scope));
        Long audience = CampaignVariables.ESTIMATED_AUDIENCE_SIZE.get(scope);
        String size = audience == null ? "an unknown number of" : "**" + String.format(java.util.Locale.ENGLISH, "%,d", audience) + "**";
        if (isProgram(scope)) {
            return "Always-on **" + type + "** program on **" + channel + "**, about " + size
                    + " members per review cycle, measured against its standing holdout.";
        }
        return "**" + type + "** campaign on **" + channel + "**, planned launch " + launch(scope) + ", about " + size
                + " customers.";
    }

    private static boolean isProgram(VariableScope scope) {
        String definition = scope instanceof DelegateTask task ? task.getProcessDefinitionId()
                : scope instanceof DelegateExecution execution ? execution.getProcessDefinitionId() : null;
        return definition != null && definition.startsWith(AutomatedCampaignLifecycleProcess.PROCESS_ID + ":");
    }

    private static String launch(VariableScope scope) {
        String day = CampaignVariables.PLANNED_LAUNCH_DATE.get(scope);
        try {
            return day == null ? "not set" : java.time.LocalDate.parse(day)
                    .format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH));
        } catch (java.time.format.DateTimeParseException notADay) {
            return day;
        }
    }

    private static String label(Map<String, String> labels, String id) {
        return id == null ? "–" : labels.getOrDefault(id, id);
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
