package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.EngineTestSupport;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Baton's engines evaluate DMN with FEEL parsed once per text, with Camunda's answers and errors. */
class CachingFeelEngineTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new EngineTestSupport().configuration().buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("CampaignPolicy.dmn").deploy();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void theDecisionsAnswerAsWithCamundasEngineEveryTime() {
        var feel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
        assertThat(((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration) feel).getFeelEngine())
                .isInstanceOf(CachingFeelEngine.class);
        for (int round = 0; round < 3; round++) { // the second and third rounds use the parsed cells
            assertThat(policy("acquisition", "email", 50_000)).containsEntry("controlGroupRequired", true)
                    .containsEntry("minControlPercent", 5);
            assertThat(policy("retention", "sms", 50_000)).containsEntry("minControlPercent", 10);
            assertThat(policy("acquisition", "email", 4_000)).containsEntry("controlGroupRequired", false);
            assertThat(policy("winback", "paid-social", 80_000)).containsEntry("controlGroupRequired", false);
            assertThat(sla("audience-pull", "acquisition")).isEqualTo(3);
            assertThat(sla("audience-pull", "retention")).isEqualTo(2);
            assertThat(sla("a-new-gate", "retention")).as("the default rule").isEqualTo(2);
        }
    }

    @Test
    void aBrokenExpressionFailsAsInCamunda() {
        CachingFeelEngine feel = new CachingFeelEngine();
        assertThatThrownBy(() -> feel.evaluateSimpleExpression("1 +", Variables.createVariables().asVariableContext()))
                .isInstanceOf(FeelException.class);
        assertThat(feel.evaluateSimpleUnaryTests("< 10", "cellInput",
                Variables.createVariables().putValue("cellInput", 3).asVariableContext())).isTrue();
        assertThat((Object) feel.evaluateSimpleExpression("a * 2", Variables.createVariables().putValue("a", 21L)
                .asVariableContext())).isEqualTo(42L);
    }

    private Map<String, Object> policy(String type, String channel, long audience) {
        return engine.getDecisionService().evaluateDecisionTableByKey("ControlGroupPolicy", Variables.createVariables()
                .putValue("campaignType", type).putValue("channel", channel).putValue("estimatedAudienceSize", audience))
                .getSingleResult().getEntryMap();
    }

    private int sla(String gate, String type) {
        return ((Number) engine.getDecisionService().evaluateDecisionTableByKey("GateSla", Variables.createVariables()
                .putValue("gate", gate).putValue("campaignType", type)).getSingleResult().getEntry("dueInWorkingDays")).intValue();
    }
}
