package dev.baton.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The campaign board on the demo data: where each running campaign and program is, who holds
 * it since when, due and overdue, returns so far; filters, sorts, CSV; only project managers
 * (and admins) read it, and bad parameters answer 400 naming the parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:campaign-board;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@DirtiesContext
class CampaignBoardApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;

    private List<Map<String, Object>> board(String query) {
        ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("pat", "pat")
                .exchange("/api/campaigns" + query, HttpMethod.GET, null, LIST);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private static Map<String, Object> named(List<Map<String, Object>> board, String name) {
        return board.stream().filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void everyRunningCampaignAtItsGateWithItsHolder() {
        List<Map<String, Object>> board = board("");
        assertThat(board).extracting(e -> e.get("name")).as("finished and cancelled campaigns are not on the board")
                .doesNotContain("Spring prospects welcome", "Summer reactivation SMS")
                .contains("Credit card cross-sell", "Loyalty tier upgrade", "Holiday gift guide", "Welcome series");
        assertThat(named(board, "Credit card cross-sell")).containsEntry("stage", "brief").containsEntry("team", "strategy")
                .containsEntry("holder", null).containsEntry("overdue", true).containsEntry("kind", "campaign")
                .satisfies(e -> assertThat((String) e.get("timeline")).endsWith("/timeline"));
        assertThat(named(board, "Loyalty tier upgrade")).containsEntry("stage", "test-design").containsEntry("returns", 1)
                .containsEntry("attempt", 2);
        assertThat(named(board, "Lapsed 12-month win-back")).containsEntry("stage", "tracking-signoff").containsEntry("holder", "tom");
        assertThat(named(board, "Back-to-school bundle")).containsEntry("stage", "results-readout").containsEntry("overdue", false);
        assertThat(named(board, "Holiday gift guide")).containsEntry("stage", "measuring").containsEntry("gate", null);
        assertThat(named(board, "Win-back trigger")).containsEntry("kind", "program").containsEntry("stage", "live");
        assertThat(named(board, "Welcome series")).as("a program whose review is due is with the optimisation team")
                .containsEntry("stage", "review").containsEntry("team", "optimization").containsEntry("gate", null)
                .satisfies(e -> assertThat(e.get("since")).isNotNull());

        List<String> dues = board.stream().map(e -> (String) e.get("dueAt")).filter(java.util.Objects::nonNull).toList();
        assertThat(dues).as("soonest due first").isSortedAccordingTo(
                java.util.Comparator.comparing(java.time.OffsetDateTime::parse));
        assertThat(board.get(0).get("overdue")).isEqualTo(true);
    }

    @Test
    void filtersSortsAndCsv() {
        assertThat(board("?team=analytics")).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("team", "analytics"));
        assertThat(board("?team=optimization")).extracting(e -> e.get("name")).containsExactly("Welcome series");
        assertThat(board("?campaignType=retention")).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("campaignType", "retention"));
        assertThat(board("?owner=pat")).hasSameSizeAs(board(""));
        assertThat(board("?owner=nobody")).isEmpty();
        List<Long> returns = board("?sort=returns").stream().map(e -> ((Number) e.get("returns")).longValue()).toList();
        assertThat(returns).as("most returns first").isSortedAccordingTo(java.util.Comparator.reverseOrder()).first()
                .isEqualTo(1L);
        HttpHeaders csv = new HttpHeaders();
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        String text = rest.withBasicAuth("pat", "pat").exchange("/api/campaigns", HttpMethod.GET, new HttpEntity<>(csv), String.class)
                .getBody();
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("businessKey,name,kind,campaignType,channel,owner,stage,gate,team,holder");
        assertThat(text).contains("Credit card cross-sell");
    }

    @Test
    void onlyProjectManagersReadItAndBadParametersAreNamed() {
        assertThat(rest.withBasicAuth("sara", "sara").getForEntity("/api/campaigns", String.class).getStatusCode().value())
                .isEqualTo(403);
        for (String variant : List.of("/api/campaigns/", "/api/campaigns;x=1", "/api//campaigns", "/api/Campaigns")) {
            assertThat(rest.withBasicAuth("sara", "sara").getForEntity(variant, String.class).getStatusCode().is2xxSuccessful())
                    .as(variant).isFalse();
        }
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/campaigns", String.class).getStatusCode().value())
                .isEqualTo(200);
        for (String bad : List.of("sort=newest", "team=marketing", "campaignType=upsell", "channel=fax")) {
            ResponseEntity<String> answer = rest.withBasicAuth("pat", "pat").getForEntity("/api/campaigns?" + bad, String.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody()).contains("\"parameter\":\"" + bad.substring(0, bad.indexOf('=')) + "\"");
        }
    }
}
