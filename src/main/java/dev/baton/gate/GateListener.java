package dev.baton.gate;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The gate's behaviour on its task events, attached to every gate by the {@link GateParseListener}
 * as a built-in listener. Thin: hands each event to the {@link GateService} (looked up lazily, since
 * the engine is built before the services that use it).
 */
public class GateListener implements TaskListener {

    private final Supplier<GateService> gates;

    public GateListener(Supplier<GateService> gates) {
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
            case EVENTNAME_CREATE -> gates.get().opened(task);
            case EVENTNAME_ASSIGNMENT -> gates.get().claimed(task);
            case EVENTNAME_COMPLETE -> gates.get().completed(task);
            case EVENTNAME_DELETE -> gates.get().cancelled(task);
            default -> {
                // other task events carry nothing for the ledger
            }
        }
    }
}
