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

    private java.util.stream.Stream<GateDefinition> definitions() {
        return repository.createProcessDefinitionQuery().latestVersion().listPage(0, MAX_DEFINITIONS).stream()
                .flatMap(d -> repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class).stream())
                .map(GateDefinition::of)
                .filter(Objects::nonNull);
    }
}
