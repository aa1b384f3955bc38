package dev.baton.gate;

import static dev.baton.campaign.CampaignVariables.OVERDUE_ACCOUNTABLE;
import static dev.baton.campaign.CampaignVariables.OVERDUE_DUE_AT;
import static dev.baton.campaign.CampaignVariables.OVERDUE_GATE;
import static dev.baton.campaign.CampaignVariables.OVERDUE_GATE_NAME;
import static dev.baton.campaign.CampaignVariables.OVERDUE_TEAM;

import dev.baton.ledger.HandoffLedger;
import dev.baton.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * Declared on each gate's non-interrupting SLA timer as {@code ${slaBreachListener}}: records
 * the breach on the open gate attempt and tells the escalation task which gate, team and
 * person it is about. The gate itself stays open.
 */
@Component("slaBreachListener")
public class SlaBreachListener implements ExecutionListener {

    private final HandoffLedger ledger;
    private final Accountability accountability;
    private final Notifications notifications;

    public SlaBreachListener(HandoffLedger ledger, Accountability accountability, Notifications notifications) {
        this.ledger = ledger;
        this.accountability = accountability;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
        GateDefinition gate = GateDefinition.of(timer.getAttachedTo());
        Task open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(gate.activityId())
                .singleResult();
        if (open != null) {
            ledger.slaBreached(open.getId());
            OVERDUE_DUE_AT.setLocal(execution, open.getDueDate() == null ? null : open.getDueDate().toInstant().toString());
        }
        OVERDUE_GATE.setLocal(execution, gate.key());
        OVERDUE_GATE_NAME.setLocal(execution, gate.name());
        OVERDUE_TEAM.setLocal(execution, gate.team());
        String accountable = accountability.accountableFor(execution, gate.team());
        OVERDUE_ACCOUNTABLE.setLocal(execution, accountable);
        notifications.slaBreached(execution, gate, open == null ? null : open.getId(), accountable,
                open == null ? null : open.getDueDate());
    }
}
