package dev.baton.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.CampaignFixtures;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.TestUsers;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** Camunda's REST API reads and writes JSON with one shared mapper, configured exactly as Camunda's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shared-mapper;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class SharedRestObjectMapperTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ResourceConfig restResources;

    /**
     * Jersey asks the ObjectMapper resolvers in the order they were registered and takes the first
     * answer: the shared one is in use only while Camunda's is not registered at all.
     */
    @Test
    void restAnswersAreWrittenByTheSharedMapperInCamundasDateFormat() {
        assertThat(restResources.getClasses()).contains(SharedRestObjectMapper.class)
                .doesNotContain(JacksonConfigurator.class);
        var campaign = engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID,
                CampaignFixtures.request());
        String task = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();

        ResponseEntity<Map> answer = TestUsers.as(anonymous, "sara").getForEntity("/engine-rest/task/" + task, Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat((String) answer.getBody().get("created")).as("Camunda's date format")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    }

    @Test
    void theSharedMapperWritesWhatCamundasWouldWrite() throws Exception {
        Map<String, Object> body = Map.of("due", new Date(1_780_000_000_123L), "time", java.time.Instant.ofEpochSecond(5),
                "count", 3L);
        assertThat(new SharedRestObjectMapper().getContext(Map.class).writeValueAsString(body))
                .isEqualTo(new JacksonConfigurator().getContext(Map.class).writeValueAsString(body));
    }
}
