package dev.baton.gate;

import static dev.baton.CampaignFixtures.accept;
import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static dev.baton.CampaignFixtures.with;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.CampaignLifecycleProcess.TRACKING_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.EngineTestSupport;
import dev.baton.ProcessTestSupport;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.ledger.GateAttemptRecord;
import dev.baton.ledger.HandoffRecord;
import dev.baton.metrics.GateCatalog;
import dev.baton.metrics.HandoffMetrics;
import dev.baton.metrics.Kpis;
import dev.baton.metrics.MetricsFilter;
import dev.baton.notification.NotificationFanOut;
import dev.baton.notification.NotificationOutbox;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proof that a gate needs no Java (issue 13): a copy of the campaign lifecycle gets a new gate
 * — legal's compliance check between tracking sign-off and launch, declared only by the
 * properties of the element template and a new form (src/test/resources/newgate) — and a campaign
 * runs through it: the form's rules are enforced, the ledger records attempts and handoffs, the SLA
 * watch escalates it, notifications go out and the KPIs count it. No production class names it.
 */
class NewGateWithoutJavaTest extends ProcessTestSupport {

    private static final String COMPLIANCE = "UserTask_ComplianceCheck";
    private static final EngineTestSupport SUPPORT = new EngineTestSupport();
    /** Set when the copy is deployed (the extension injects the engine into ProcessEngine fields). */
    private static ProcessEngine processEngine;
    private static boolean deployed;

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(SUPPORT.configuration()).build();

    private static void deployTheCopyWithTheNewGate() {
        processEngine.getRepositoryService().createDeployment().name("lifecycle with a compliance gate")
                .addModelInstance("CampaignLifecycleWithCompliance.bpmn", withComplianceGate())
                .addClasspathResource("CampaignPolicy.dmn")
                .addClasspathResource("newgate/ComplianceCheck.form")
                .addClasspathResource("CampaignRequest.form").addClasspathResource("StrategicBrief.form")
                .addClasspathResource("TestAndControlDesign.form").addClasspathResource("AudiencePull.form")
                .addClasspathResource("TrackingSignOff.form").addClasspathResource("ResultsReadout.form")
                .addClasspathResource("ResolveOverdueGate.form")
                .deploy();
    }

    @Override
    protected EngineTestSupport support() {
        return SUPPORT;
    }

    @Override
    protected ProcessEngine processEngine() {
        if (!deployed) {
            processEngine = extension.getProcessEngine();
            deployTheCopyWithTheNewGate();
            deployed = true;
        }
        return processEngine;
    }

    @BeforeEach
    void legalTeam() {
        IdentityService identity = processEngine.getIdentityService();
        if (identity.createGroupQuery().groupId("legal").count() == 0) {
            identity.saveGroup(identity.newGroup("legal"));
            var lena = identity.newUser("lena");
            lena.setEmail("lena@example.com");
            lena.setPassword("Compliance#Check-2026");
            identity.saveUser(lena);
            identity.createMembership("lena", "legal");
        }
    }

    @Test
    void aCampaignPassesTheNewGateWithValidationLedgerSlaNotificationsAndKpis() {
        ProcessInstance campaign = processEngine.getRuntimeService()
                .startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        String code = campaign.getBusinessKey();
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(task(campaign, COMPLIANCE)).as("the baton is at the new gate, not yet launched").isNotNull();
        assertThat(task(campaign, COMPLIANCE).getName()).isEqualTo("Check compliance – " + code + " Winter welcome acquisition");

        // the new form's rules, enforced by the server without a rule class
        Map<String, Object> cleared = with(with(accept(5), "claimsApproved", true), "legalReference", "LEG-0042");
        assertRefused(() -> complete(campaign, COMPLIANCE, "lena", with(cleared, "legalReference", null)),
                "legalReference: is required");
        assertRefused(() -> complete(campaign, COMPLIANCE, "lena", with(cleared, "legalReference", "LEG-42")),
                "legalReference: does not have the expected form");
        assertRefused(() -> complete(campaign, COMPLIANCE, "lena", with(cleared, "claimsApproved", false)),
                "claimsApproved: must be confirmed");
        assertRefused(() -> complete(campaign, COMPLIANCE, "lena", with(cleared, "disclaimerText", "x".repeat(501))),
                "disclaimerText");
        assertRefused(() -> complete(campaign, COMPLIANCE, "lena", with(cleared, "handoffQuality", 6)), "handoffQuality");

        // returning needs no approval reference (the form hides it then), only a reason
        complete(campaign, COMPLIANCE, "lena", returned(2, "The claim 'best price' needs a source"));
        assertThat(task(campaign, TRACKING_SIGN_OFF)).as("returned to analytics").isNotNull();
        assertThat(task(campaign, TRACKING_SIGN_OFF).getName()).contains("(returned, attempt 2)");
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());

        // the SLA watch escalates the open gate once
        assertThat(passDueDate(campaign, COMPLIANCE)).isEqualTo(1);
        assertThat(support().slaWatch(processEngine).sweep()).as("each breach is raised once").isZero();
        assertThat(task(campaign, "UserTask_ResolveOverdueGate")).as("the Gate overdue escalation").isNotNull();

        complete(campaign, COMPLIANCE, "lena", cleared);
        assertThat(task(campaign, COMPLIANCE)).isNull();
        assertThat(ledger.findCampaign(code).orElseThrow().outcome()).isEqualTo("launched");

        assertThat(ledger.gateAttempts(code)).filteredOn(a -> a.gate().equals("compliance"))
                .extracting(GateAttemptRecord::attempt, GateAttemptRecord::team, GateAttemptRecord::assignee,
                        a -> a.slaBreachedAt() != null)
                .containsExactly(tuple(1, "legal", "lena", false), tuple(2, "legal", "lena", true));
        assertThat(ledger.handoffs(code)).filteredOn(h -> h.toGate().equals("compliance"))
                .extracting(HandoffRecord::fromGate, HandoffRecord::sender, HandoffRecord::receiver,
                        HandoffRecord::decision, HandoffRecord::qualityScore, HandoffRecord::returnReason)
                .containsExactly(tuple("tracking-signoff", "tom", "lena", "returned", 2, "The claim 'best price' needs a source"),
                        tuple("tracking-signoff", "tom", "lena", "accepted", 5, null));

        JdbcClient jdbc = support().jdbc();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_event WHERE parties = 'legal'").query(Long.class).single())
                .as("one event per arrival at legal's gate").isEqualTo(2);
        new NotificationFanOut(new NotificationOutbox(jdbc), processEngine.getIdentityService(),
                SUPPORT.configuration().getTransactionManager(),
                new dev.baton.notification.CampaignLinks(dev.baton.EngineTestSupport.PROPERTIES, processEngine)).expand();
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE recipient = 'lena' ORDER BY id").query(String.class).list())
                .as("legal hears that the baton arrived, twice").containsExactly("BATON_ARRIVED", "BATON_ARRIVED");
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE recipient = 'tom' AND kind = 'HANDOFF_RETURNED'")
                .query(String.class).list()).as("the sender hears of the return").hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = 'SLA_BREACHED' AND business_key = :code")
                .param("code", code).query(Long.class).single()).as("the project managers hear of the breach").isPositive();

        HandoffMetrics metrics = new HandoffMetrics(jdbc, ledger);
        MetricsFilter always = MetricsFilter.between(OffsetDateTime.now().minusYears(5), OffsetDateTime.now().plusYears(5));
        List<Kpis.GateKpi> gates = metrics.gates(always);
        assertThat(gates).filteredOn(g -> g.gate().equals("compliance"))
                .extracting(Kpis.GateKpi::team, Kpis.GateKpi::attempts, Kpis.GateKpi::completed, Kpis.GateKpi::slaBreaches)
                .containsExactly(tuple("legal", 2L, 2L, 1L));
        assertThat(metrics.edges(always)).filteredOn(e -> e.toGate().equals("compliance"))
                .extracting(Kpis.EdgeKpi::fromGate, Kpis.EdgeKpi::handoffs, Kpis.EdgeKpi::decided, Kpis.EdgeKpi::returns)
                .containsExactly(tuple("tracking-signoff", 2L, 2L, 1L));
        GateCatalog catalog = new GateCatalog(processEngine.getRepositoryService());
        assertThat(catalog.gates()).as("metrics filters accept the new gate").contains("compliance");
        assertThat(catalog.teams()).contains("legal");
    }

    /**
     * CampaignLifecycle.bpmn with one more user task, set up as the element template sets it:
     * the accepted audience goes to legal's compliance check, which returns to tracking sign-off
     * or lets the campaign launch.
     */
    private static BpmnModelInstance withComplianceGate() {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                NewGateWithoutJavaTest.class.getResourceAsStream("/CampaignLifecycle.bpmn"));
        ExclusiveGateway trackingReview = model.getModelElementById("Gateway_TrackingReview");
        SequenceFlow oldAccepted = model.getModelElementById("SequenceFlow_AudienceAccepted");

        UserTaskBuilder compliance = trackingReview.builder().sequenceFlowId("SequenceFlow_AudienceToCompliance")
                .userTask(COMPLIANCE).name("Check compliance")
                .camundaCandidateGroups("legal").camundaFormRef("ComplianceCheck").camundaFormRefBinding("deployment");
        properties(compliance, Map.of("baton.gate", "compliance", "baton.team", "legal",
                "baton.receivesFrom", "tracking-signoff", "baton.checks", "four-eyes",
                "baton.consulted", "analytics", "baton.informed", "project-managers"));
        compliance.exclusiveGateway("Gateway_ComplianceReview").name("Campaign cleared?")
                .sequenceFlowId("SequenceFlow_SignOffReturned").condition("returned", "${handoffDecision == 'return'}")
                .connectTo(TRACKING_SIGN_OFF)
                .moveToNode("Gateway_ComplianceReview").sequenceFlowId("SequenceFlow_ComplianceCleared")
                .connectTo(CampaignLifecycleProcess.LAUNCH_CAMPAIGN);

        SequenceFlow toCompliance = model.getModelElementById("SequenceFlow_AudienceToCompliance");
        toCompliance.setName("accepted");
        trackingReview.setDefault(toCompliance);
        ((SequenceFlow) model.getModelElementById("SequenceFlow_ComplianceCleared")).setName("cleared");
        ((ExclusiveGateway) model.getModelElementById("Gateway_ComplianceReview"))
                .setDefault(model.getModelElementById("SequenceFlow_ComplianceCleared"));
        DiagramElement oldEdge = model.getModelElementById("SequenceFlow_AudienceAccepted_di");
        oldEdge.getParentElement().removeChildElement(oldEdge);
        oldAccepted.getParentElement().removeChildElement(oldAccepted);
        Bpmn.validateModel(model);
        return model;
    }

    private static void properties(UserTaskBuilder task, Map<String, String> values) {
        CamundaProperties properties = task.getElement().getModelInstance().newInstance(CamundaProperties.class);
        values.forEach((name, value) -> {
            CamundaProperty property = task.getElement().getModelInstance().newInstance(CamundaProperty.class);
            property.setCamundaName(name);
            property.setCamundaValue(value);
            properties.getCamundaProperties().add(property);
        });
        task.addExtensionElement(properties);
    }
}
