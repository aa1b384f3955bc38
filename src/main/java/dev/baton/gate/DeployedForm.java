package dev.baton.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The Camunda Form deployed for a task or a start event, as far as the server needs it: each
 * field's key, label, type and the rules the form states (required, min and max, lengths, pattern,
 * the values a select or radio offers, decimal digits, the condition that hides it). Read from the
 * deployment of the process definition once per definition and activity.
 */
public record DeployedForm(Map<String, Field> fields) {

    public static final DeployedForm NONE = new DeployedForm(Map.of());

    /** One input of the form. {@code hide} is the FEEL condition without its leading '='. */
    public record Field(String key, String label, String type, boolean required, Double min, Double max,
                        Integer minLength, Integer maxLength, String pattern, List<String> values, Integer decimalDigits,
                        String hide, boolean disallowPassedDates) {

        /** How people see the field: its label, else its key. */
        public String shownAs() {
            return label == null || label.isBlank() ? key : label;
        }
    }

    /** The label this form shows for a field, or null when it has no such field. */
    public String labelOf(String key) {
        Field field = fields.get(key);
        return field == null ? null : field.label();
    }

    /** Deployed forms by definition and activity, read once. */
    public static final class Cache {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final Map<String, DeployedForm> forms = new ConcurrentHashMap<>();

        public DeployedForm ofTask(TaskEntity task, CommandContext context) {
            return forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                    key -> read(new GetDeployedTaskFormCmd(task.getId()), context));
        }

        public DeployedForm ofStart(String processDefinitionId, CommandContext context) {
            return forms.computeIfAbsent(processDefinitionId + "#start",
                    key -> read(new GetDeployedStartFormCmd(processDefinitionId), context));
        }

        private static DeployedForm read(Command<InputStream> formCommand, CommandContext context) {
            try (InputStream form = context.runWithoutAuthorization(() -> formCommand.execute(context))) {
                return parse(JSON.readTree(form));
            } catch (ProcessEngineException noForm) {
                return NONE;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read a deployed form", e);
            }
        }
    }

    static DeployedForm parse(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form, fields);
        return new DeployedForm(java.util.Collections.unmodifiableMap(fields)); // in form order: the first wrong field is named first
    }

    private static void collect(JsonNode node, Map<String, Field> fields) {
        for (JsonNode c : node.path("components")) {
            if (c.hasNonNull("key")) {
                JsonNode validate = c.path("validate");
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                String hide = c.path("conditional").path("hide").asText(null);
                if (hide != null && hide.startsWith("=")) {
                    hide = hide.substring(1);
                }
                Field field = new Field(c.get("key").asText(), c.path("label").asText(null), c.path("type").asText(),
                        validate.path("required").asBoolean(false), number(validate, "min"), number(validate, "max"),
                        integer(validate, "minLength"), integer(validate, "maxLength"), validate.path("pattern").asText(null),
                        List.copyOf(values), integer(c, "decimalDigits"), hide, c.path("disallowPassedDates").asBoolean(false));
                fields.put(field.key(), field);
            }
            collect(c, fields);
        }
    }

    private static Double number(JsonNode node, String name) {
        return node.path(name).isNumber() ? node.path(name).asDouble() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.path(name).isNumber() ? node.path(name).asInt() : null;
    }
}
