package dev.baton.gate;

import dev.baton.ledger.HandoffLedger;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.EventSubscriptionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * One SLA watch instead of a timer per gate: a sweep (every {@code baton.sla.watch.interval},
 * default one minute, see {@link SlaWatchSchedule}) finds open gate attempts past their due date,
 * records each breach and raises the escalation — the message {@value #MESSAGE} starts the model's
 * non-interrupting "Gate overdue" event subprocess, naming the gate, the team and the accountable
 * person. Each breach runs in one engine transaction and is recorded exactly once, also when several
 * cluster nodes sweep at the same time: the ledger row's update decides who raises it.
 */
@Component
public class SlaWatch {

    public static final String MESSAGE = "GateOverdue";
    static final int BATCH = 200;

    private final ProcessEngine engine;
    private final HandoffLedger ledger;
    private final Accountability accountability;
    private final GateSubject subject;
    private final GateEvents events;

    public SlaWatch(ProcessEngine engine, HandoffLedger ledger, Accountability accountability, GateSubject subject,
                    GateEvents events) {
        this.engine = engine;
        this.ledger = ledger;
        this.accountability = accountability;
        this.subject = subject;
        this.events = events;
    }

    /** Raises every breach that is due; returns how many this call raised. */
    public int sweep() {
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        int raised = 0;
        for (String taskId : ledger.overdueOpenGates(BATCH)) {
            try {
                if (Boolean.TRUE.equals(executor.execute(new RaiseBreach(taskId)))) {
                    raised++;
                }
            } catch (OptimisticLockingException completedMeanwhile) {
                // the gate was completed while its breach was raised: nothing was recorded, nothing to do
            }
        }
        return raised;
    }

    /** One breach, in one transaction: the ledger's mark, the escalation and the notification commit together. */
    private final class RaiseBreach implements Command<Boolean> {

        private final String taskId;

        RaiseBreach(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public Boolean execute(CommandContext context) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getExecution() == null) {
                return false;
            }
            ExecutionEntity execution = task.getExecution();
            GateDefinition gate = GateParseListener.gateOf(execution.getProcessDefinition().findActivity(task.getTaskDefinitionKey()));
            if (gate == null || !escalatesByMessage(context, task.getProcessInstanceId())) {
                // a campaign on a model from before the SLA watch: its own boundary timer escalates
                return false;
            }
            String accountable = accountability.accountableFor(execution, gate.team());
            if (!ledger.slaBreachedIfOpen(taskId, accountable)) {
                return false;
            }
            String due = task.getDueDate() == null ? null : PeopleDates.format(task.getDueDate().toInstant());
            Map<String, Object> about = Variables.createVariables()
                    .putValue(GateVariables.OVERDUE_GATE.name(), gate.key()).putValue(GateVariables.OVERDUE_GATE_NAME.name(), gate.name())
                    .putValue(GateVariables.OVERDUE_TEAM.name(), gate.team())
                    .putValue(GateVariables.OVERDUE_ACCOUNTABLE.name(), accountable)
                    .putValue(GateVariables.OVERDUE_DUE_AT.name(), due).putValue(GateVariables.OVERDUE_TASK_ID.name(), taskId);
            context.getProcessEngineConfiguration().getRuntimeService().createMessageCorrelation(MESSAGE)
                    .processInstanceId(task.getProcessInstanceId()).setVariablesToTriggeredScope(about).correlate();
            events.publish(new GateEvents.GateOverdue(execution, gate, subject.name(execution), taskId, accountable,
                    task.getDueDate()));
            return true;
        }
    }

    private static boolean escalatesByMessage(CommandContext context, String processInstanceId) {
        EventSubscriptionQueryImpl query = new EventSubscriptionQueryImpl();
        query.processInstanceId(processInstanceId).eventName(MESSAGE);
        return context.getEventSubscriptionManager().findEventSubscriptionCountByQueryCriteria(query) > 0;
    }
}
