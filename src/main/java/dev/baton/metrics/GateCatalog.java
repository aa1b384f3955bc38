package dev.baton.metrics;

import dev.baton.gate.GateDefinition;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** The gates and teams declared in the deployed models (latest versions): what a metrics filter may name. */
@Component
public class GateCatalog {

    /** Within the engine's query limit; Baton deploys a handful of models. */
    private static final int MAX_DEFINITIONS = 500;

    private final RepositoryService repository;

    public GateCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    public Set<String> gates() {
        Set<String> gates = new TreeSet<>();
        definitions().forEach(g -> gates.add(g.key()));
        return gates;
    }

    public Set<String> teams() {
        Set<String> teams = new TreeSet<>();
        definitions().map(GateDefinition::team).filter(Objects::nonNull).forEach(teams::add);
        return teams;
    }

    /** The gates' teams and the candidate groups of the models' other user tasks (a program's review): who can hold a baton. */
    public Set<String> holders() {
        Set<String> teams = teams();
        userTasks().map(UserTask::getCamundaCandidateGroups).filter(Objects::nonNull)
                .flatMap(groups -> java.util.Arrays.stream(groups.split(",")))
                .map(String::strip).filter(g -> !g.isEmpty() && !g.startsWith("$") && !g.startsWith("#"))
                .forEach(teams::add);
        return teams;
    }

    /** One gate of the catalog as people read it. */
    public record Gate(String key, String name, String team) {
    }

    /**
     * Every gate once, in the order a campaign meets them: the ad-hoc campaign lifecycle along its
     * flows from the start, then the gates only the other lifecycles have (the always-on
     * program's rules and review), each again in flow order. A gate both have keeps its place.
     */
    public java.util.List<Gate> inLifecycleOrder() {
        java.util.Map<String, Gate> ordered = new java.util.LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().listPage(0, MAX_DEFINITIONS).stream()
                .sorted(java.util.Comparator.comparing((org.camunda.bpm.engine.repository.ProcessDefinition d) ->
                        !dev.baton.campaign.CampaignLifecycleProcess.PROCESS_ID.equals(d.getKey()))
                        .thenComparing(org.camunda.bpm.engine.repository.ProcessDefinition::getKey))
                .forEach(d -> flowOrder(repository.getBpmnModelInstance(d.getId()))
                        .forEach(g -> ordered.putIfAbsent(g.key(), new Gate(g.key(), g.name(), g.team()))));
        return java.util.List.copyOf(ordered.values());
    }

    /** The gates of one model, breadth first along the sequence flows from its start events. */
    private static java.util.List<GateDefinition> flowOrder(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
        java.util.List<GateDefinition> gates = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<org.camunda.bpm.model.bpmn.instance.FlowNode> next = new java.util.ArrayDeque<>();
        for (var start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
            if (start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
                next.add(start);
            }
        }
        while (!next.isEmpty()) {
            var node = next.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                GateDefinition gate = GateDefinition.of(task);
                if (gate != null) {
                    gates.add(gate);
                }
            }
            node.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
        }
        return gates;
    }

    /** Every user task of the latest model versions. */
    private java.util.stream.Stream<UserTask> userTasks() {
        return repository.createProcessDefinitionQuery().latestVersion().listPage(0, MAX_DEFINITIONS).stream()
                .flatMap(d -> repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class).stream());
    }

    private java.util.stream.Stream<GateDefinition> definitions() {
        return userTasks()
                .map(GateDefinition::of)
                .filter(Objects::nonNull);
    }
}
