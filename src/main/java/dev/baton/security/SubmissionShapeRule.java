package dev.baton.security;

import dev.baton.gate.CommandFields;
import dev.baton.gate.DeployedForm;
import dev.baton.gate.FieldRules;
import dev.baton.gate.SubmissionRejectedException;
import java.util.Date;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A user submits exactly what the form in front of them asks for: completing a task or starting a
 * campaign carries only the fields of the Camunda Form deployed for it, each a plain value (text,
 * number, true/false, date; no serialized objects, files or bytes), texts without control
 * characters or HTML tags and not longer than the form allows (4,000 characters where it says nothing, the
 * database's limit). Anything else is refused with the field's name before the engine stores a
 * thing; the gate's own rules then check the values.
 */
class SubmissionShapeRule implements CommandRule {

    static final int STORABLE_TEXT = 4000;

    private final DeployedForm.Cache forms = new DeployedForm.Cache();

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            TaskEntity task = context.getTaskManager().findTaskById(CommandFields.text(command, "taskId"));
            if (task != null && task.getProcessDefinitionId() != null) {
                Object values = CommandFields.read(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
                check(values, forms.ofTask(task, context).fields(), "the form of '" + task.getName() + "'");
            }
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command, "instantiationBuilder");
            String definitionId = definitionId(builder, context);
            if (definitionId != null) {
                check(builder.getVariables(), forms.ofStart(definitionId, context).fields(), "the start form");
            }
        } else if (command instanceof SubmitStartFormCmd) {
            String definitionId = CommandFields.text(command, "processDefinitionId");
            check(CommandFields.read(command, "variables"), forms.ofStart(definitionId, context).fields(), "the start form");
        }
    }

    private static String definitionId(ProcessInstantiationBuilderImpl builder, CommandContext context) {
        if (builder.getProcessDefinitionId() != null) {
            return builder.getProcessDefinitionId();
        }
        ProcessDefinitionEntity latest = builder.getProcessDefinitionKey() == null ? null : context.getProcessEngineConfiguration()
                .getDeploymentCache().findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
        return latest == null ? null : latest.getId();
    }

    private static void check(Object submitted, Map<String, DeployedForm.Field> fields, String form) {
        if (!(submitted instanceof Map<?, ?> values)) {
            return;
        }
        for (Object key : values.keySet()) {
            String name = String.valueOf(key);
            DeployedForm.Field field = fields.get(name);
            if (field == null) {
                throw new SubmissionRejectedException(name, "is not a field of " + form + "; it submits only "
                        + (fields.isEmpty() ? "no fields" : String.join(", ", new TreeSet<>(fields.keySet()))));
            }
            Object value = plain(name, typedOrRaw(values, name));
            if (value instanceof String text) {
                checkText(name, text, field.maxLength() == null ? STORABLE_TEXT : Math.min(field.maxLength(), STORABLE_TEXT));
            }
        }
    }

    /** Without deserializing: a serialized object is looked at, never turned back into one. */
    static Object typedOrRaw(Map<?, ?> values, String name) {
        return values instanceof VariableMap variables ? variables.getValueTyped(name) : values.get(name);
    }

    /** The value behind a typed value, refusing anything that is not plain data. */
    static Object plain(String name, Object value) {
        Object raw = value;
        if (value instanceof TypedValue typed) {
            if (typed instanceof SerializableValue || typed instanceof FileValue) {
                throw new SubmissionRejectedException(name, "must be text, a number, true/false or a date (was a "
                        + (typed.getType() == null ? "serialized value" : typed.getType().getName() + " value") + ")");
            }
            raw = typed.getValue();
        }
        if (raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Date
                || raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Double) {
            return raw;
        }
        throw new SubmissionRejectedException(name, "must be text, a number, true/false or a date (was "
                + raw.getClass().getSimpleName() + ")");
    }

    static void checkText(String name, String text, int maxLength) {
        FieldRules.plainText(name, text, maxLength);
    }
}
