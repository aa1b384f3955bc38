package dev.baton.gate;

import static dev.baton.gate.GateVariables.OVERDUE_ACCOUNTABLE;
import static dev.baton.gate.GateVariables.OVERDUE_DUE_AT;
import static dev.baton.gate.GateVariables.OVERDUE_GATE;
import static dev.baton.gate.GateVariables.OVERDUE_GATE_NAME;
import static dev.baton.gate.GateVariables.OVERDUE_TEAM;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * {@code ${slaBreachListener}} on the SLA boundary timers of models deployed before the
 * {@link SlaWatch} took their place: campaigns started on those versions still escalate through
 * their timers until they finish. Records the breach and tells the escalation what it is about.
 */
@Component("slaBreachListener")
public class SlaBreachListener implements ExecutionListener {

    private final HandoffLedger ledger;
    private final Accountability accountability;
    private final GateSubject subject;
    private final GateEvents events;

    public SlaBreachListener(HandoffLedger ledger, Accountability accountability, GateSubject subject, GateEvents events) {
        this.ledger = ledger;
        this.accountability = accountability;
        this.subject = subject;
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
        GateDefinition gate = GateDefinition.of(timer.getAttachedTo());
        Task open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(gate.activityId())
                .singleResult();
        String accountable = accountability.accountableFor(execution, gate.team());
        if (open != null) {
            ledger.slaBreached(open.getId(), accountable);
            OVERDUE_DUE_AT.setLocal(execution, open.getDueDate() == null ? null : PeopleDates.format(open.getDueDate().toInstant()));
        }
        OVERDUE_GATE.setLocal(execution, gate.key());
        OVERDUE_GATE_NAME.setLocal(execution, gate.name());
        OVERDUE_TEAM.setLocal(execution, gate.team());
        OVERDUE_ACCOUNTABLE.setLocal(execution, accountable);
        events.publish(new GateEvents.GateOverdue(execution, gate, subject.name(execution), open == null ? null : open.getId(),
                accountable, open == null ? null : open.getDueDate()));
    }
}
