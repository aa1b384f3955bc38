package dev.baton.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels texts use for types and channels are the start form's, so the two cannot drift apart. */
class CampaignLabelsTest {

    @Test
    void typeAndChannelLabelsAreTheStartFormsLabels() throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms/CampaignRequest.form").toFile());
        assertLabels(form, "campaignType", CampaignRequest.TYPE_LABELS);
        assertLabels(form, "channel", CampaignRequest.CHANNEL_LABELS);
        assertThat(CampaignRequest.TYPE_LABELS.keySet()).isEqualTo(CampaignRequest.TYPES);
        assertThat(CampaignRequest.CHANNEL_LABELS.keySet()).isEqualTo(CampaignRequest.CHANNELS);
    }

    @Test
    void cockpitUsesTheSameLabels() throws IOException {
        String plugin = java.nio.file.Files.readString(Path.of("src/main/resources/plugin-webapp/handoff-dashboard/app/plugin.js"));
        for (Map<String, String> labels : java.util.List.of(CampaignRequest.TYPE_LABELS, CampaignRequest.CHANNEL_LABELS)) {
            labels.forEach((id, label) -> assertThat(plugin).as(id).containsPattern(
                    "[{ ]\"?" + java.util.regex.Pattern.quote(id) + "\"?: \"" + java.util.regex.Pattern.quote(label) + "\""));
        }
    }

    private static void assertLabels(JsonNode form, String key, Map<String, String> labels) {
        int checked = 0;
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                for (JsonNode value : component.get("values")) {
                    String formLabel = value.get("label").asText();
                    assertThat(formLabel).as(key + " " + value.get("value").asText())
                            .startsWith(labels.get(value.get("value").asText()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("options of " + key).isEqualTo(labels.size());
    }
}
