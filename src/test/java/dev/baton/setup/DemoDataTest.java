package dev.baton.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.ledger.LedgerRepository;
import dev.baton.metrics.HandoffMetrics;
import dev.baton.metrics.Kpis;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile makes Tasklist and Cockpit worth opening, and a restart adds nothing. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@DirtiesContext
class DemoDataTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    DemoDataSetup setup;

    @Test
    void demoUsersGroupsAndFiltersExist() {
        var identity = engine.getIdentityService();
        assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
                .contains("project-managers", "strategy", "analytics", "execution", "optimization", "camunda-admin");
        assertThat(identity.createGroupQuery().groupMember("max").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("strategy", "analytics");
        assertThat(identity.checkPassword("sara", "sara")).isTrue();
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting(f -> f.getName())
                .contains(TasklistFilters.MY_TEAMS_GATES, TasklistFilters.OVERDUE_GATES, TasklistFilters.RETURNED_TO_ME);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("strategy").count()).isPositive();
    }

    @Test
    void demoCampaignsStandAtDifferentGatesWithBackDatedHistory() {
        List<String> outcomes = jdbc.sql("SELECT outcome FROM campaign ORDER BY created_at").query(String.class).list();
        assertThat(outcomes).containsExactly("launched", "completed", "launched", "launched", "launched", "cancelled",
                "running", "running", "running", "running");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_review").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT MIN(created_at) FROM gate_attempt").query(java.time.OffsetDateTime.class).single())
                .isBefore(java.time.OffsetDateTime.now().minusDays(30));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff WHERE decision = 'returned'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_result").query(Long.class).single()).isEqualTo(1);
        var tasks = engine.getTaskService();
        assertThat(tasks.createTaskQuery().taskNameLike("%(returned, attempt %").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskAssignee("tom").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskCandidateGroup("strategy").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey(CampaignLifecycleProcess.RESULTS_READOUT)
                .processInstanceBusinessKeyLike("XSL-%").taskNameLike("%Back-to-school bundle").count())
                .as("a campaign waits at its read-out").isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey(AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW)
                .taskNameLike("%Welcome series").count()).as("the program's review is due").isEqualTo(1);
        String winBack = jdbc.sql("SELECT process_instance_id FROM campaign WHERE name = 'Win-back trigger'").query(String.class).single();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(winBack)
                .eventName("PauseProgram").count()).as("a program between reviews can be paused").isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey(CampaignLifecycleProcess.RESULTS_READOUT).singleResult()
                .getDueDate()).as("and not overdue yet").isAfter(new java.util.Date());
    }

    @Test
    void theOverdueBriefCountsAsABreachOfItsTeamAndAccountablePersonBeforeItIsHandedOn(@Autowired HandoffMetrics metrics) {
        var filter = dev.baton.metrics.MetricsFilter.between(java.time.OffsetDateTime.now().minusDays(90),
                java.time.OffsetDateTime.now().plusMinutes(1));
        Kpis.SenderKpi strategy = metrics.senders(filter, HandoffMetrics.SenderGrouping.SENDING_TEAM).stream()
                .filter(t -> "strategy".equals(t.sender())).findFirst().orElseThrow();
        assertThat(strategy.openBreaches()).as("Credit card cross-sell's brief is days overdue").isEqualTo(1);
        assertThat(strategy.slaBreaches()).isGreaterThanOrEqualTo(1);
        String lead = jdbc.sql("SELECT breach_accountable FROM gate_attempt WHERE sla_breached_at IS NOT NULL "
                + "AND completed_at IS NULL AND cancelled_at IS NULL AND team = 'strategy'").query(String.class).single();
        assertThat(lead).as("recorded with the breach").isNotBlank();
        assertThat(metrics.senders(filter, HandoffMetrics.SenderGrouping.ACCOUNTABLE))
                .filteredOn(p -> lead.equals(p.sender())).singleElement()
                .satisfies(p -> assertThat(p.openBreaches()).isEqualTo(1));
    }

    @Test
    void filtersShowEachTeamItsOwnGates() {
        var filters = engine.getFilterService();
        String myTeams = filters.createFilterQuery().filterName(TasklistFilters.MY_TEAMS_GATES).singleResult().getId();
        String returned = filters.createFilterQuery().filterName(TasklistFilters.RETURNED_TO_ME).singleResult().getId();
        String overdue = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE_GATES).singleResult().getId();
        engine.getIdentityService().setAuthentication("sara", List.of("strategy"));
        try {
            assertThat(filters.<org.camunda.bpm.engine.task.Task>listPage(myTeams, 0, 50)).extracting(t -> t.getTaskDefinitionKey())
                    .containsExactly("UserTask_StrategicBrief");
            assertThat(filters.count(returned)).isZero();
            engine.getIdentityService().setAuthentication("anna", List.of("analytics"));
            assertThat(filters.<org.camunda.bpm.engine.task.Task>listPage(returned, 0, 50)).extracting(t -> t.getTaskDefinitionKey())
                    .containsExactly("UserTask_TestAndControlDesign");
            assertThat(filters.count(myTeams)).as("design rework, tracking sign-off, VIP design review, read-out").isEqualTo(4);
            assertThat(filters.count(overdue)).as("analytics sees its own overdue gates only").isEqualTo(2);
            // authorization checks are on: analytics does not see the strategy brief at all
            assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_StrategicBrief").count())
                    .isZero();
            engine.getIdentityService().setAuthentication("pat", List.of("project-managers"));
            assertThat(filters.count(overdue)).as("project managers chase every overdue gate").isGreaterThanOrEqualTo(3);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void runningTheSetupAgainAddsNothing() {
        long campaigns = jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single();
        long users = engine.getIdentityService().createUserQuery().count();
        long filters = engine.getFilterService().createFilterQuery().count();
        setup.onPostDeploy(new PostDeployEvent(engine));
        new FilterSetup(new TasklistFilters()).onPostDeploy(new PostDeployEvent(engine));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single()).isEqualTo(campaigns);
        assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
    }
}
