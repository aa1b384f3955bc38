package dev.baton.security;

import dev.baton.gate.CommandFields;
import dev.baton.gate.SubmissionRejectedException;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A message carries into a campaign only what its event expects (CancelCampaign its reason, pause
 * and resume nothing), as plain text within the ledger's limit; anything else would write
 * campaign variables past their gates. Correlating one message to many campaigns at once in a
 * batch is refused: send it per campaign code.
 */
class MessagePayloadRule implements CommandRule {

    private final Map<String, Map<String, Integer>> allowed;

    MessagePayloadRule(Map<String, Map<String, Integer>> allowed) {
        this.allowed = allowed;
    }

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof CorrelateAllMessageBatchCmd) {
            throw new PolicyRefusalException("correlating a message to many campaigns in a batch is refused; "
                    + "send it once per campaign code");
        }
        if (!(command instanceof AbstractCorrelateMessageCmd)) {
            return;
        }
        MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) CommandFields.read(command, "builder");
        Map<String, Integer> payload = allowed.getOrDefault(builder.getMessageName(), Map.of());
        check(builder.getPayloadProcessInstanceVariables(), payload, builder.getMessageName());
        check(builder.getPayloadProcessInstanceVariablesLocal(), payload, builder.getMessageName());
        check(builder.getPayloadProcessInstanceVariablesToTriggeredScope(), payload, builder.getMessageName());
    }

    private static void check(Map<String, Object> variables, Map<String, Integer> payload, String message) {
        if (variables == null) {
            return;
        }
        for (String name : variables.keySet()) {
            Integer maxLength = payload.get(name);
            if (maxLength == null) {
                throw new SubmissionRejectedException(name, "message " + message + " carries "
                        + (payload.isEmpty() ? "no variables" : "only " + String.join(", ", new TreeSet<>(payload.keySet()))));
            }
            Object value = SubmissionShapeRule.plain(name, SubmissionShapeRule.typedOrRaw(variables, name));
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text)) {
                throw new SubmissionRejectedException(name, "must be text");
            }
            SubmissionShapeRule.checkText(name, text, maxLength);
        }
    }
}
