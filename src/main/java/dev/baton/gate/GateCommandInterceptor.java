package dev.baton.gate;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The gate's part of every engine command, inside its transaction: a completion's submitted
 * values are kept for the gate listener ({@link SubmittedValues}), and the variables a gate's
 * form reads get the gate's context (attempt, who returned it and why, the handoffs so far,
 * recent learnings, whether a review is pending), computed from the ledger when the form is
 * opened instead of stored as variables at every gate opening.
 */
class GateCommandInterceptor extends CommandInterceptor {

    private final Supplier<GateService> gates;

    GateCommandInterceptor(Supplier<GateService> gates) {
        this.gates = gates;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            Object submitted = CommandFields.read(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
            Map<String, Object> previous = SubmittedValues.swap(SubmittedValues.plain((Map<?, ?>) submitted));
            try {
                return next.execute(command);
            } finally {
                SubmittedValues.swap(previous);
            }
        }
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
            GateService service = gates.get();
            if (service != null) {
                service.addFormContext(form.resourceId, form.formVariableNames, variables);
            }
        }
        return result;
    }
}
