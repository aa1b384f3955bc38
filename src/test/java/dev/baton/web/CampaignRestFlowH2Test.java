package dev.baton.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The REST flow on the embedded default database, H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rest-flow;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@DirtiesContext
class CampaignRestFlowH2Test extends CampaignRestFlowContract {
}
