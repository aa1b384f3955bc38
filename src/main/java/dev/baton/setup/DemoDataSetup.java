package dev.baton.setup;

import dev.baton.ledger.LedgerRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data (baton.demo.enabled): users in the groups that {@link TeamAuthorizations}
 * set up, then sample campaigns. Runs once per database: a restart finds the users and campaigns and adds nothing.
 */
@Component
@ConditionalOnProperty(name = "baton.demo.enabled", havingValue = "true")
public class DemoDataSetup {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSetup.class);

    private final DemoUsers users;
    private final DemoCampaigns campaigns;
    private final LedgerRepository ledger;

    public DemoDataSetup(DemoUsers users, DemoCampaigns campaigns, LedgerRepository ledger) {
        this.users = users;
        this.campaigns = campaigns;
        this.ledger = ledger;
    }

    @EventListener
    @Order(10)
    public void onPostDeploy(PostDeployEvent event) {
        ProcessEngine engine = event.getProcessEngine();
        if (users.create(engine)) {
            LOG.info("Demo users created: pat, sara, max, anna, tom, eric, ella, olivia (password = user id)");
        }
        if (!ledger.hasCampaigns()) {
            campaigns.create(engine);
            LOG.info("Demo campaigns created with back-dated history");
        }
    }
}
