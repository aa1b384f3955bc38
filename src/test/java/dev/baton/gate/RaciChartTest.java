package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The README's RACI chart is generated from the models and must match them. After changing a
 * model, regenerate it: mvn test -Dtest=RaciChartTest -Dbaton.updateReadme=true
 */
class RaciChartTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- raci:start (generated from bpmn/ by RaciChartTest) -->\n";
    private static final String END = "<!-- raci:end -->";

    @Test
    void readmeShowsTheRaciChartOfTheModels() throws IOException {
        List<BpmnModelInstance> models;
        try (var files = Files.list(Path.of("bpmn"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted()
                    .map(p -> Bpmn.readModelFromFile(p.toFile())).toList();
        }
        String chart = RaciChart.markdown(models);
        assertThat(chart).contains("| CampaignLifecycle | Write strategic brief (`brief`) | strategy | strategy lead (`strategyLead`) | analytics | project-managers |");

        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the RACI markers").isNotNegative();
        String current = readme.substring(start + START.length(), end);
        if (Boolean.getBoolean("baton.updateReadme")) {
            Files.writeString(README, readme.substring(0, start + START.length()) + chart + readme.substring(end));
            return;
        }
        assertThat(current).as("README RACI chart; regenerate with -Dbaton.updateReadme=true").isEqualTo(chart);
    }
}
