package dev.baton.gate;

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
 * (bpmn/CampaignPolicy.dmn), which business users edit; this class only counts the days. The
 * decision's answer for a gate and campaign type is remembered for a minute, so a busy engine
 * evaluates it about once a minute per pair, and a redeployed policy counts within a minute.
 * ({@code ${gateSla.dueDate(execution)}} serves the SLA timers of campaigns started on models from
 * before the SLA watch.)
 */
@Component("gateSla")
public class GateSla {

    public static final String DECISION = "GateSla";
    private static final String RESULT = "dueInWorkingDays";
    private static final String GATE_INPUT = "gate";
    /** Transient (never stored) local variable of the gate's scope execution. */
    static final String DUE_AT = "batonGateDueAt";

    static final long REMEMBER_NANOS = java.time.Duration.ofMinutes(1).toNanos();

    private final WorkingDayCalendar calendar;
    private final GateSubject subject;
    private final java.util.Map<String, long[]> workingDays = new java.util.concurrent.ConcurrentHashMap<>();

    public GateSla(WorkingDayCalendar calendar, GateSubject subject) {
        this.calendar = calendar;
        this.subject = subject;
    }

    /** A due date a project manager sets: that day at the SLA's due hour, UTC. */
    public OffsetDateTime dueOn(java.time.LocalDate day) {
        return calendar.dueOn(day);
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

    /**
     * The due date the gate's SLA timer was given, or a fresh evaluation when there is none. Only
     * a gate with a boundary timer (a scope, on models from before the SLA watch) can have one;
     * asking any other gate's execution would cost a query per gate for a variable never there.
     * The policy's inputs are read from the process, not the task: a gate keeps no variables.
     */
    public OffsetDateTime dueAt(org.camunda.bpm.engine.delegate.DelegateTask task, String gateKey) {
        DelegateExecution execution = task.getExecution();
        var activity = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution).getActivity();
        Object timerDue = activity != null && activity.isScope() ? execution.getVariableLocal(DUE_AT) : null;
        return timerDue instanceof OffsetDateTime due ? due : dueAt((VariableScope) execution, gateKey);
    }

    public OffsetDateTime dueAt(VariableScope scope, String gateKey) {
        int days = workingDays(scope, gateKey);
        return calendar.addWorkingDays(LedgerClock.now(), days);
    }

    private int workingDays(VariableScope scope, String gateKey) {
        java.util.Map<String, Object> inputs = new java.util.TreeMap<>(subject.policyInputs(scope));
        inputs.put(GATE_INPUT, gateKey);
        String key = inputs.toString();
        long now = System.nanoTime();
        long[] known = workingDays.get(key);
        if (known != null && now - known[1] < REMEMBER_NANOS) {
            return (int) known[0];
        }
        int days = evaluate(scope, inputs);
        workingDays.put(key, new long[] {days, now});
        return days;
    }

    private int evaluate(VariableScope scope, java.util.Map<String, Object> inputs) {
        var services = scope instanceof DelegateExecution e ? e.getProcessEngineServices()
                : ((org.camunda.bpm.engine.delegate.DelegateTask) scope).getProcessEngineServices();
        Object days = services.getDecisionService().evaluateDecisionTableByKey(DECISION, Variables.fromMap(inputs))
                .getSingleResult().getEntry(RESULT);
        return ((Number) days).intValue();
    }
}
