package dev.baton.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Every metrics endpoint, in JSON and CSV, and the 400s for bad parameters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:metrics-api;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureObservability
@DirtiesContext
class MetricsApiTest {

    private static final String RANGE = "from=2026-01-01&to=2026-12-31";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    TestRestTemplate rest;

    @Autowired
    void authenticatedAsAdmin(TestRestTemplate template) {
        this.rest = dev.baton.web.TestUsers.asAdmin(template);
    }
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void knownLedger() {
        LedgerBuilder ledger = new LedgerBuilder(jdbc);
        ledger.clear();
        var t0 = HandoffMetricsContract.T0;
        ledger.campaign("ACQ-2026-001", "acquisition", "email", t0);
        ledger.gate("ACQ-2026-001", "brief", 1, "strategy", "sara", t0, t0.plusHours(1), t0.plusHours(3), null);
        ledger.handoff("ACQ-2026-001", "brief", "test-design", "strategy", "analytics", 1, 1, "sara", "sara",
                t0.plusHours(3), t0.plusHours(4), "returned", 2, "KPI, unclear", "anna");
        ledger.launched("ACQ-2026-001", t0.plusDays(3), 10, true);
    }

    @Test
    void gatesAsJson() {
        List<Map<String, Object>> gates = rest.exchange("/api/metrics/gates?" + RANGE, HttpMethod.GET, null, LIST).getBody();
        assertThat(gates).singleElement().satisfies(g -> {
            assertThat(g).containsEntry("gate", "brief").containsEntry("team", "strategy").containsEntry("attempts", 1);
            assertThat(((Number) g.get("waitP50")).doubleValue()).isEqualTo(3600.0);
        });
    }

    @Test
    void everyEndpointAnswersJson() {
        assertThat(list("/api/metrics/handoffs?" + RANGE)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("firstPassYield", 0.0).containsEntry("returns", 1));
        assertThat(list("/api/metrics/accountable?" + RANGE)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("sender", "sara"));
        assertThat(list("/api/metrics/teams?" + RANGE)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("sender", "strategy"));
        assertThat(rest.exchange("/api/metrics/hygiene?" + RANGE, HttpMethod.GET, null, OBJECT).getBody())
                .containsEntry("launched", 1).containsEntry("withControlGroup", 1);
        assertThat(list("/api/metrics/outcomes?" + RANGE)).isEmpty();
        Map<String, Object> timeline = rest.exchange("/api/campaigns/ACQ-2026-001/timeline", HttpMethod.GET, null, OBJECT)
                .getBody();
        assertThat(timeline).containsEntry("businessKey", "ACQ-2026-001");
        assertThat(((List<?>) timeline.get("entries")).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("kind"))))
                .containsExactly("gate", "handoff", "launch");
    }

    @Test
    void csvWithAcceptTextCsv() {
        ResponseEntity<String> csv = csv("/api/metrics/handoffs?" + RANGE);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo("fromGate,toGate,handoffs,decided,pending,firstPassYield,returns,meanQuality,"
                + "latencyP50,latencyP90,topReturnReasons");
        assertThat(lines[1]).isEqualTo("brief,test-design,1,1,0,0.0,1,2.0,3600.0,3600.0,\"KPI, unclear (1)\"");
        assertThat(csv("/api/metrics/hygiene?" + RANGE).getBody()).startsWith("launched,withControlGroup,");
        assertThat(csv("/api/campaigns/ACQ-2026-001/timeline").getBody()).startsWith("kind,at,gate,toGate,attempt");
        assertThat(csv("/api/metrics/outcomes?" + RANGE).getBody()).startsWith("campaignType,readOuts,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/metrics/gates?gate=legal-review|gate",
            "/api/metrics/handoffs?from=2026-12-01&to=2026-11-01|from",
            "/api/metrics/gates?from=yesterday|from",
            "/api/metrics/teams?to=2026-13-45|to",
            "/api/metrics/accountable?campaignType=upsell|campaignType",
            "/api/metrics/outcomes?channel=fax|channel",
            "/api/metrics/hygiene?team=legal|team"})
    void badParametersAnswer400WithAMessage(String url, String parameter) {
        ResponseEntity<Map<String, Object>> response = rest.exchange(url, HttpMethod.GET, null, OBJECT);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("parameter", parameter);
        assertThat((String) response.getBody().get("detail")).startsWith(parameter + ": ");
        ResponseEntity<String> asCsv = csv(url);
        assertThat(asCsv.getStatusCode().value()).isEqualTo(400);
        assertThat(asCsv.getBody()).contains(parameter + ": ");
    }

    @Test
    void prometheusExposesBatonMeters() {
        var t0 = HandoffMetricsContract.T0;
        new LedgerBuilder(jdbc).gate("ACQ-2026-001", "brief", 2, "strategy", null, t0.plusHours(4), null, null,
                t0.plusDays(3));
        String scrape = rest.getForObject("/actuator/prometheus", String.class);
        assertThat(scrape).contains("baton_gates_open{team=\"strategy\"} 1.0")
                .contains("baton_gates_overdue{team=\"strategy\"} 1.0")
                .contains("baton_gates_open{team=\"analytics\"} 0.0")
                .contains("baton_handoffs_total{decision=\"returned\"} 1.0")
                .contains("baton_handoffs_total{decision=\"accepted\"} 0.0")
                .contains("baton_sla_breaches_total{gate=\"brief\"} 1.0");
    }

    @Test
    void programReviewsShowTheTrendAgainstTheHoldout() {
        var repository = new dev.baton.ledger.LedgerRepository(jdbc);
        var t0 = HandoffMetricsContract.T0;
        for (int n = 1; n <= 2; n++) {
            repository.insertProgramReview(new dev.baton.ledger.ProgramReviewRecord("ACQ-2026-001", n, t0.plusDays(14L * n),
                    "olivia", 9_000, 1_000, 6_000 + 300L * n, 600, 1, 1, 1, 1, 0, 0, 1, 1, 0.7, 0.6, 0.1 * n, "keep", 4, "learnt " + n));
        }
        Map<String, Object> trend = rest.exchange("/api/programs/ACQ-2026-001/reviews", HttpMethod.GET, null, OBJECT).getBody();
        assertThat((List<?>) trend.get("reviews")).hasSize(2);
        assertThat(list("/api/programs?" + RANGE)).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("businessKey", "ACQ-2026-001"));
        String[] csv = csv("/api/programs/ACQ-2026-001/reviews").getBody().split("\r\n");
        assertThat(csv).hasSize(3);
        assertThat(csv[0]).startsWith("businessKey,reviewNumber,reviewedAt,reviewer,programMembers");
        assertThat(csv[2]).contains(",0.2,keep,4,learnt 2");
        assertThat(rest.exchange("/api/programs/NOPE-1/reviews", HttpMethod.GET, null, OBJECT).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void unknownCampaignAnswers404() {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/api/campaigns/NOPE-1/timeline", HttpMethod.GET,
                null, OBJECT);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat((String) response.getBody().get("detail")).contains("NOPE-1");
    }

    @Test
    void openApiDescribesTheMetricsApi() {
        Map<String, Object> openApi = rest.exchange("/api/openapi", HttpMethod.GET, null, OBJECT).getBody();
        assertThat(openApi).containsKey("openapi");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
        assertThat(paths).containsKeys("/api/metrics/gates", "/api/metrics/handoffs", "/api/metrics/accountable",
                "/api/metrics/teams", "/api/metrics/hygiene", "/api/metrics/outcomes",
                "/api/campaigns/{businessKey}/timeline", "/api/programs", "/api/programs/{businessKey}/reviews");
    }

    private List<Map<String, Object>> list(String url) {
        return rest.exchange(url, HttpMethod.GET, null, LIST).getBody();
    }

    private ResponseEntity<String> csv(String url) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
