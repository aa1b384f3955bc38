package dev.baton.gate;

import dev.baton.campaign.CampaignVariables;
import dev.baton.ledger.LedgerClock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Due dates of gates. The number of working days comes from the {@code GateSla} decision
 * (bpmn/CampaignPolicy.dmn), which business users edit; this class only counts the days.
 * Used by the SLA boundary timers as {@code ${gateSla.dueDate(execution)}}.
 */
@Component("gateSla")
public class GateSla {

    public static final String DECISION = "GateSla";
    private static final String RESULT = "dueInWorkingDays";
    /** Transient (never stored) local variable of the gate's scope execution. */
    static final String DUE_AT = "batonGateDueAt";

    private final WorkingDayCalendar calendar;

    public GateSla(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The due date of the gate the execution is at (the timer's gate). */
    public Date dueDate(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelInstance().getModelElementById(execution.getCurrentActivityId());
        GateDefinition gate = GateDefinition.of(element);
        if (gate == null) {
            throw new IllegalStateException("SLA timer on " + execution.getCurrentActivityId() + ", which is no gate");
        }
        OffsetDateTime due = dueAt(execution, gate.key());
        // handed to the gate's task in the same command, so the decision is evaluated once per gate
        execution.setVariableLocal(DUE_AT, Variables.objectValue(due, true).create());
        return Date.from(due.toInstant());
    }

    /** The due date the gate's SLA timer was given, or a fresh evaluation when there is none. */
    public OffsetDateTime dueAt(org.camunda.bpm.engine.delegate.DelegateTask task, String gateKey) {
        Object timerDue = task.getExecution().getVariableLocal(DUE_AT);
        return timerDue instanceof OffsetDateTime due ? due : dueAt((VariableScope) task, gateKey);
    }

    public OffsetDateTime dueAt(VariableScope scope, String gateKey) {
        int days = workingDays(scope, gateKey);
        return calendar.addWorkingDays(LedgerClock.now(), days);
    }

    private int workingDays(VariableScope scope, String gateKey) {
        var services = scope instanceof DelegateExecution e ? e.getProcessEngineServices()
                : ((org.camunda.bpm.engine.delegate.DelegateTask) scope).getProcessEngineServices();
        Object days = services.getDecisionService().evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("gate", gateKey)
                        .putValue(CampaignVariables.CAMPAIGN_TYPE.name(), CampaignVariables.CAMPAIGN_TYPE.get(scope)))
                .getSingleResult().getEntry(RESULT);
        return ((Number) days).intValue();
    }
}
