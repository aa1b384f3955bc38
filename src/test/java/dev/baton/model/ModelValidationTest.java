package dev.baton.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.gate.GateDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every model in bpmn/ and every form in forms/ against the conventions of DESIGN.md:
 * gates carry their properties, listeners, SLA timer, form and candidate group; formRefs
 * resolve; form fields are known variables; no Camunda Modeler default ids.
 */
class ModelValidationTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    /** Modeler default ids end in "_" and seven random lower-case letters and digits, e.g. Activity_0k3x9zq. */
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile("(^|.*_)(?=[a-z0-9]*[0-9])[a-z0-9]{7}$|^sid-.*|^id_.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> bpmnFiles() throws IOException {
        return files(BPMN, ".bpmn");
    }

    static Stream<Path> formFiles() throws IOException {
        return files(FORMS, ".form");
    }

    @Test
    void theRepositoryHasTheModelsOfDesignMd() throws IOException {
        assertThat(bpmnFiles().map(p -> p.getFileName().toString())).contains("CampaignLifecycle.bpmn");
        assertThat(files(BPMN, ".dmn").map(p -> p.getFileName().toString())).contains("CampaignPolicy.dmn");
        assertThat(formFiles()).hasSizeGreaterThanOrEqualTo(7);
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void fileNameIsTheProcessIdAndHistoryTimeToLiveIsSet(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<Process> executable = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).toList();
        assertThat(executable).extracting(Process::getId).contains(baseName(file));
        assertThat(executable).allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString())
                .as("historyTimeToLive of %s", p.getId()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyGateIsFullyDeclared(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<GateDefinition> gates = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as("candidate group of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isNotBlank();
            GateDefinition gate = GateDefinition.of(task);
            if (gate == null) {
                continue;
            }
            gates.add(gate);
            assertThat(gate.team()).as("team of gate %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as("candidate group of gate %s", task.getId())
                    .isEqualTo(gate.team());
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                    .as("gate %s carries no listener wiring: the gate parse listener attaches its behaviour", task.getId())
                    .isEmpty();
            assertThat(model.getModelElementsByType(BoundaryEvent.class)).as("gate %s has no timer of its own: the SLA "
                    + "watch looks after every gate", task.getId()).noneMatch(b -> b.getAttachedTo() == task);
        }
        StartEvent overdue = model.getModelElementById("StartEvent_GateOverdue");
        assertThat(overdue).as("the overdue escalation the SLA watch starts").isNotNull();
        assertThat(overdue.isInterrupting()).as("the gate stays open").isFalse();
        assertThat(((SubProcess) overdue.getParentElement()).triggeredByEvent()).isTrue();
        assertThat(overdue.getEventDefinitions()).singleElement().isInstanceOfSatisfying(MessageEventDefinition.class,
                m -> assertThat(m.getMessage().getName()).isEqualTo(dev.baton.gate.SlaWatch.MESSAGE));
        assertThat(gates).as("gates in %s", file).isNotEmpty();
        assertThat(gates).extracting(GateDefinition::key).doesNotHaveDuplicates();
        Set<String> keys = Set.copyOf(gates.stream().map(GateDefinition::key).toList());
        assertThat(gates).filteredOn(GateDefinition::receivesHandoff)
                .allSatisfy(g -> assertThat(keys).as("%s receives from a gate of the same model", g.key())
                        .contains(g.receivesFrom()));
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyFormRefResolvesToAFormFile(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> refs = new ArrayList<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getParentElement() instanceof Process)
                .forEach(s -> refs.add(s.getCamundaFormRef()));
        assertThat(refs).allSatisfy(ref -> assertThat(FORMS.resolve(ref + ".form")).as("form of %s", ref).exists());
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void noModelerDefaultIds(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        assertThat(model.getModelElementsByType(BaseElement.class)).extracting(BaseElement::getId)
                .filteredOn(id -> id != null)
                .noneMatch(id -> MODELER_DEFAULT_ID.matcher(id).matches());
    }

    @Test
    void decisionsHaveMeaningfulIds() throws IOException {
        for (Path file : files(BPMN, ".dmn").toList()) {
            var model = Dmn.readModelFromFile(file.toFile());
            assertThat(model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.DmnElement.class))
                    .extracting(org.camunda.bpm.model.dmn.instance.DmnElement::getId)
                    .filteredOn(id -> id != null)
                    .noneMatch(id -> MODELER_DEFAULT_ID.matcher(id).matches());
        }
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void formIdIsTheFileNameAndEveryFieldIsAVariableName(Path file) throws IOException {
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(form.path("id").asText()).isEqualTo(baseName(file));
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        List<JsonNode> components = new ArrayList<>();
        collect(form.path("components"), components);
        assertThat(components).isNotEmpty();
        assertThat(components).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates()
                .noneMatch(id -> MODELER_DEFAULT_ID.matcher(id).matches());
        // a new gate's fields need no Java constant; they must only be names FEEL and REST can use
        assertThat(components).filteredOn(c -> c.has("key")).extracting(c -> c.path("key").asText())
                .allSatisfy(key -> assertThat(key).as("field key").matches("[a-z][A-Za-z0-9]*"));
    }

    @Test
    void theElementTemplateSetsEveryGatePropertyTheModelsUse() throws IOException {
        JsonNode template = JSON.readTree(Path.of(".camunda/element-templates/baton-gate.json").toFile()).get(0);
        Set<String> bound = new java.util.TreeSet<>();
        template.path("properties").forEach(p -> bound.add(p.path("binding").path("name").asText()));
        Set<String> used = new java.util.TreeSet<>();
        for (Path file : bpmnFiles().toList()) {
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
                    .filter(t -> GateDefinition.of(t) != null)
                    .flatMap(t -> t.getExtensionElements().getElementsQuery()
                            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream())
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach(p -> used.add(p.getCamundaName()));
        }
        assertThat(used).contains(GateDefinition.PROPERTY_GATE, GateDefinition.PROPERTY_CHECKS);
        assertThat(bound).containsAll(used).contains(GateDefinition.PROPERTY_GATE, GateDefinition.PROPERTY_TEAM,
                GateDefinition.PROPERTY_RECEIVES_FROM, GateDefinition.PROPERTY_CHECKS, GateDefinition.PROPERTY_SHOWS_LEARNINGS,
                dev.baton.gate.Raci.PROPERTY_CONSULTED, dev.baton.gate.Raci.PROPERTY_INFORMED, "camunda:candidateGroups",
                "camunda:formRef");
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private static Stream<Path> files(Path dir, String suffix) throws IOException {
        return Files.list(dir).filter(p -> p.toString().endsWith(suffix)).sorted();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
