package dev.baton.gate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Declared on every gate in the models as {@code ${gateListener}} for the events create,
 * assignment, complete and delete. Thin: hands each event to the {@link GateService}.
 */
@Component("gateListener")
public class GateListener implements TaskListener {

    private final GateService gates;

    public GateListener(GateService gates) {
        this.gates = gates;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getEventName() == null) {
            // the engine names the event only while the task has its execution: another caller
            // completed this gate a moment ago and took the execution with it
            throw new OptimisticLockingException("the gate '" + task.getName() + "' was completed by someone else first");
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> gates.opened(task);
            case EVENTNAME_ASSIGNMENT -> gates.claimed(task);
            case EVENTNAME_COMPLETE -> gates.completed(task);
            case EVENTNAME_DELETE -> gates.cancelled(task);
            default -> {
                // other task events carry nothing for the ledger
            }
        }
    }
}
