package dev.baton.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields of the Camunda Form deployed for a task or a start event: each key the form submits,
 * with its maximum length where the form declares one. Read from the deployment the process
 * definition came with, once per definition and activity.
 */
class DeployedFormFields {

    /** A field's key and the longest text it accepts (null: the form sets no limit). */
    record Field(String key, Integer maxLength) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Map<String, Field>> cache = new ConcurrentHashMap<>();

    Map<String, Field> ofTask(TaskEntity task, CommandContext context) {
        return cache.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                key -> read(new GetDeployedTaskFormCmd(task.getId()), context));
    }

    Map<String, Field> ofStart(String processDefinitionId, CommandContext context) {
        return cache.computeIfAbsent(processDefinitionId + "#start",
                key -> read(new GetDeployedStartFormCmd(processDefinitionId), context));
    }

    private static Map<String, Field> read(Command<InputStream> formCommand, CommandContext context) {
        Map<String, Field> fields = new LinkedHashMap<>();
        try (InputStream form = context.runWithoutAuthorization(() -> formCommand.execute(context))) {
            collect(JSON.readTree(form), fields);
        } catch (ProcessEngineException noForm) {
            // a task or start event without a deployed form submits no fields
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a deployed form", e);
        }
        return Map.copyOf(fields);
    }

    private static void collect(JsonNode node, Map<String, Field> fields) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                JsonNode max = component.path("validate").path("maxLength");
                fields.put(component.get("key").asText(), new Field(component.get("key").asText(),
                        max.isNumber() ? max.asInt() : null));
            }
            collect(component, fields);
        }
    }
}
