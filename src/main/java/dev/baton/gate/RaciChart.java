package dev.baton.gate;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/** The RACI chart of the models as a Markdown table, for the README (kept in step by a test). */
public final class RaciChart {

    private RaciChart() {
    }

    public static String markdown(List<BpmnModelInstance> models) {
        StringBuilder table = new StringBuilder("""
                | lifecycle | step | R – responsible | A – accountable | C – consulted | I – informed |
                |---|---|---|---|---|---|
                """);
        for (BpmnModelInstance model : models) {
            String lifecycle = model.getModelElementsByType(Process.class).stream()
                    .filter(Process::isExecutable).map(Process::getId).findFirst().orElse("?");
            model.getModelElementsByType(FlowNode.class).stream()
                    .map(Raci::of).filter(Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(r -> order(model, r)))
                    .forEach(r -> table.append("| ").append(lifecycle).append(" | ").append(r.name())
                            .append(r.gate() == null ? "" : " (`" + r.gate() + "`)").append(" | ")
                            .append(r.responsible() == null ? "Baton" : r.responsible()).append(" | ")
                            .append(r.responsible() == null ? "–" : r.responsible() + " lead (`" + r.accountable() + "`)")
                            .append(" | ").append(list(r.consulted())).append(" | ").append(list(r.informed()))
                            .append(" |\n"));
        }
        return table.toString();
    }

    /** Steps in the order the model's diagram places them, left to right. */
    private static double order(BpmnModelInstance model, Raci raci) {
        var shapes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class);
        return shapes.stream().filter(s -> s.getBpmnElement() != null && raci.activityId().equals(s.getBpmnElement().getId()))
                .map(s -> s.getBounds().getX()).findFirst().orElse(Double.MAX_VALUE);
    }

    private static String list(List<String> parties) {
        return parties.isEmpty() ? "–" : String.join(", ", parties);
    }
}
