package dev.baton;

import dev.baton.campaign.CampaignCodes;
import dev.baton.campaign.GoLiveDelegate;
import dev.baton.campaign.OptimizationReviewListener;
import dev.baton.campaign.PauseProgramDelegate;
import dev.baton.campaign.ProgramCycle;
import dev.baton.campaign.RecordProgramReviewDelegate;
import dev.baton.campaign.ResumeProgramDelegate;
import dev.baton.campaign.RetireProgramDelegate;
import dev.baton.campaign.CancelCampaignDelegate;
import dev.baton.campaign.LaunchCampaignDelegate;
import dev.baton.campaign.OverdueResolutionListener;
import dev.baton.campaign.RecordCampaignResultDelegate;
import dev.baton.campaign.RegisterCampaignDelegate;
import dev.baton.campaign.CampaignSubject;
import dev.baton.campaign.ControlPolicyCheck;
import dev.baton.campaign.ControlShareCheck;
import dev.baton.campaign.ControlTrackedCheck;
import dev.baton.campaign.ConversionsWithinGroupsCheck;
import dev.baton.gate.Accountability;
import dev.baton.gate.FourEyesCheck;
import dev.baton.gate.GateEvents;
import dev.baton.gate.GateService;
import dev.baton.gate.GateSla;
import dev.baton.gate.SlaBreachListener;
import dev.baton.gate.SlaWatch;
import dev.baton.gate.GatePlugin;
import dev.baton.gate.WorkingDayCalendar;
import dev.baton.ledger.CampaignCodeSequence;
import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.LedgerRepository;
import dev.baton.notification.NotificationOutbox;
import dev.baton.notification.Notifications;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process engine for engine tests without Spring Boot: in-memory H2 with the ledger schema,
 * Spring transactions (so the ledger commits and rolls back with the engine, as in production),
 * and Baton's real services registered under the names the models use.
 */
public final class EngineTestSupport {

    public static final BatonProperties PROPERTIES = new BatonProperties(
            Map.of("strategy", "sara", "analytics", "anna", "execution", "eric"), 1.0,
            new BatonProperties.Sla(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(), 17),
            new BatonProperties.CampaignCode(Map.of()), new BatonProperties.Demo(false),
            new BatonProperties.Notifications("http://baton.test", "baton@test", java.time.Duration.ofSeconds(30),
                    java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(2), 50,
                    "project-managers"),
            new BatonProperties.Security(new BatonProperties.LoginThrottle(5, java.time.Duration.ofSeconds(1),
                    java.time.Duration.ofMinutes(1), 10_000), new BatonProperties.CredentialCache(java.time.Duration.ofMinutes(1), 1000)));

    private final DataSource dataSource;
    /** Set by registerBeans; the gates' built-in listener looks it up when a task event comes. */
    private volatile GateService gates;
    private java.util.function.Function<org.camunda.bpm.engine.ProcessEngine, SlaWatch> slaWatch;
    private final SpringTransactionsProcessEngineConfiguration configuration;

    public EngineTestSupport() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        this.dataSource = h2;
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName("engine-test-" + UUID.randomUUID());
        configuration.setDataSource(h2);
        configuration.setTransactionManager(new DataSourceTransactionManager(h2));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.getProcessEnginePlugins().add(new GatePlugin(() -> gates));
        configuration.getProcessEnginePlugins().add(new dev.baton.campaign.CampaignEndListeners());
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    }

    public SpringTransactionsProcessEngineConfiguration configuration() {
        return configuration;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Empties the ledger, so that each test starts from no campaigns. */
    public void clearLedger() {
        for (String table : List.of("campaign_code_sequence", "notification", "notification_event", "gate_escalation_action", "program_review", "campaign_result", "handoff", "gate_attempt",
                "campaign")) {
            jdbc().sql("DELETE FROM " + table).update();
        }
    }

    /** The SLA watch of this engine, wired like the application's (after registerBeans). */
    public SlaWatch slaWatch(org.camunda.bpm.engine.ProcessEngine engine) {
        return slaWatch.apply(engine);
    }

    /** Registers the beans the models call, wired as Spring wires them in the application. */
    public LedgerRepository registerBeans() {
        LedgerRepository repository = new LedgerRepository(jdbc());
        HandoffLedger ledger = new HandoffLedger(repository);
        Accountability accountability = new Accountability(PROPERTIES);
        CampaignSubject subject = new CampaignSubject();
        GateSla sla = new GateSla(new WorkingDayCalendar(PROPERTIES), subject);
        Notifications notifications = new Notifications(new NotificationOutbox(jdbc()), subject, PROPERTIES);
        GateEvents events = event -> GateEvents.deliver(notifications, event); // as SpringGateEvents does
        GateService gates = new GateService(ledger, sla, accountability, subject, events, List.of(new FourEyesCheck(),
                new ControlPolicyCheck(), new ControlShareCheck(PROPERTIES), new ControlTrackedCheck(),
                new ConversionsWithinGroupsCheck()));
        this.gates = gates;
        this.slaWatch = engine -> new SlaWatch(engine, ledger, accountability, subject, events);
        Mocks.register("gateSla", sla);
        Mocks.register("slaBreachListener", new SlaBreachListener(ledger, accountability, subject, events));
        Mocks.register("registerCampaign", new RegisterCampaignDelegate(new CampaignCodes(repository,
                new CampaignCodeSequence(jdbc(), repository, configuration.getTransactionManager()), PROPERTIES), ledger));
        Mocks.register("launchCampaign", new LaunchCampaignDelegate(ledger, notifications));
        Mocks.register("recordCampaignResult", new RecordCampaignResultDelegate(ledger, notifications));
        Mocks.register("cancelCampaign", new CancelCampaignDelegate(ledger));
        Mocks.register("campaignDeletion", new dev.baton.campaign.CampaignDeletionListener(ledger));
        Mocks.register("overdueResolutionListener", new OverdueResolutionListener(gates));
        ProgramCycle cycle = new ProgramCycle();
        Mocks.register("programCycle", cycle);
        Mocks.register("goLive", new GoLiveDelegate(ledger, cycle, notifications));
        Mocks.register("recordProgramReview", new RecordProgramReviewDelegate(ledger));
        Mocks.register("retireProgram", new RetireProgramDelegate(ledger));
        Mocks.register("pauseProgram", new PauseProgramDelegate(ledger));
        Mocks.register("resumeProgram", new ResumeProgramDelegate(ledger));
        Mocks.register("optimizationReviewListener", new OptimizationReviewListener(repository, new dev.baton.campaign.CampaignSubject()));
        return repository;
    }
}
