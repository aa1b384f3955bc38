package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Tasklist, Sara (strategy) opens the overdue brief of the demo campaign "Credit card
 * cross-sell", claims it, fills its Camunda Form and completes it; the ledger shows the gate
 * completed by her and the handoff on its way. Anna (analytics) then reviews it: the review
 * section shows, the return reason appears only when returning (and the team's own fields
 * disappear), and the returned brief reaches Sara's "Returned to me" with the reason. Uses Debian's
 * chromium and chromium-driver (installed by .ci/run); screenshots go to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("demo")
@DirtiesContext
class TasklistGateBrowserIT extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void briefIsSentInTasklistAndReturnedByAnalytics() throws IOException {
        String code = jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Credit card cross-sell'")
                .query(String.class).single();
        try {
            sendTheBriefAsStrategy(code);
            assertBriefSent(code);
            returnTheBriefAsAnalytics(code);
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-tasklist");
            throw e;
        }
    }

    @Test
    void projectManagerStartsACampaignFromTasklist() throws IOException {
        try {
            login("tasklist", "pat");
            click(By.xpath("//a[normalize-space()='Start process']"));
            click(By.xpath("//*[contains(@class,'modal')]//a[normalize-space()='Ad-hoc campaign lifecycle']"));
            fillField("campaignName", "Browser-started spring sale");
            choose("campaignType", "Retention");
            choose("channel", "SMS");
            WebElement date = visible(By.cssSelector("[id$='Field_PlannedLaunchDate-date']"));
            date.sendKeys(java.time.LocalDate.now().plusDays(20)
                    .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            date.sendKeys(org.openqa.selenium.Keys.ENTER);
            fillField("estimatedAudienceSize", "42000");
            shot("5-campaign-request");
            click(By.xpath("//*[contains(@class,'modal')]//button[normalize-space()='Start']"));
            wait.until(d -> jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = 'Browser-started spring sale'")
                    .query(Long.class).single() == 1);
            String started = jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Browser-started spring sale'")
                    .query(String.class).single();
            assertThat(visible(By.cssSelector(".baton-started .baton-started-code")).getText())
                    .as("the start confirms the campaign's code").isEqualTo(started);
            shot("6-campaign-started-with-its-code");
            click(By.cssSelector(".baton-started-follow"));
            visible(By.xpath("//h4[contains(normalize-space(),'Timeline of " + started + "')]"));
            assertThat(browser.findElements(By.cssSelector("[data-table='timeline'] tbody tr"))).as("its brief is open")
                    .anyMatch(r -> r.getText().contains("Write strategic brief"));
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-start");
            throw e;
        }
        Map<String, Object> campaign = jdbc.sql("SELECT business_key AS code, campaign_type AS type, channel AS channel, "
                + "owner AS owner, estimated_audience_size AS size FROM campaign WHERE name = 'Browser-started spring sale'")
                .query().singleRow();
        assertThat((String) campaign.get("code")).matches("RET-\\d{4}-\\d{3}");
        assertThat(campaign).containsEntry("type", "retention").containsEntry("channel", "sms")
                .containsEntry("owner", "pat").containsEntry("size", 42000L);
    }

    /** Opens a Camunda Forms select and picks the option with this label. */
    private void choose(String key, String option) {
        click(By.cssSelector("[id$='Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "-display']"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(),'" + option + "')]"));
    }

    /** Sara fills the brief's Camunda Form and completes it. */
    private void sendTheBriefAsStrategy(String code) throws IOException {
        login("tasklist", "sara");
        click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
        click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Write strategic brief')]"));
        claimOpenTask();
        fillField("objective", "Grow card holders among loyal e-mail subscribers");
        fillField("primaryKpi", "Card applications within 30 days");
        fillField("targetAudienceDefinition", "Subscribers with 3+ orders and no card");
        fillField("offer", "No annual fee in the first year");
        fillField("successCriteria", "Scale at +10% applications vs control");
        shot("1-brief-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));
        wait.until(d -> jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE business_key = :bk AND gate = 'brief' "
                + "AND completed_at IS NOT NULL").param("bk", code).query(Long.class).single() == 1);
        shot("2-brief-completed");
    }

    /** Anna reviews the brief: the review shows, the return reason only when returning, then back to Sara. */
    private void returnTheBriefAsAnalytics(String code) throws IOException {
        login("tasklist", "anna");
        click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
        click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Design test and control group – " + code + " Credit card cross-sell')]"));
        claimOpenTask();

        visible(By.xpath("//*[contains(normalize-space(),'Review the brief you received')]"));
        visible(By.xpath("//li[contains(normalize-space(),'Write strategic brief → Design test and control group') and contains(normalize-space(),'waiting for review')]"));
        assertThat(present(formField("returnReason"))).as("return reason hidden until returning").isFalse();
        assertThat(present(formField("controlGroupPercent"))).as("the team's own part is shown while accepting").isTrue();
        click(By.xpath("//label[contains(normalize-space(),'Return to the sending team')]"));
        fillField("returnReason", "The KPI must name the attribution window");
        fillField("handoffQuality", "2");
        assertThat(present(formField("controlGroupPercent"))).as("own part hidden when returning").isFalse();
        shot("3-test-design-returning");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(d -> jdbc.sql("SELECT COUNT(*) FROM handoff WHERE business_key = :bk AND decision = 'returned'")
                .param("bk", code).query(Long.class).single() == 1);
        Map<String, Object> handoff = jdbc.sql("SELECT receiver AS receiver, quality_score AS quality, "
                + "return_reason AS reason FROM handoff WHERE business_key = :bk").param("bk", code).query().singleRow();
        assertThat(handoff.values()).containsExactlyInAnyOrder("anna", 2, "The KPI must name the attribution window");

        login("tasklist", "sara");
        click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),'Returned to me')]"));
        click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'(returned, attempt 2)')]"));
        visible(By.xpath("//*[contains(normalize-space(),'The KPI must name the attribution window')]"));
        visible(By.xpath("//li[contains(normalize-space(),'returned by anna (quality 2/5)')]"));
        shot("4-brief-returned-to-strategy");
    }

    private void assertBriefSent(String code) {
        Map<String, Object> attempt = jdbc.sql("SELECT assignee AS assignee, attempt AS attempt FROM gate_attempt "
                + "WHERE business_key = :bk AND gate = 'brief'").param("bk", code).query().singleRow();
        assertThat(attempt.values()).containsExactlyInAnyOrder("sara", 1);
        List<String> handoff = jdbc.sql("SELECT sender || '>' || to_gate || '>' || COALESCE(decision, 'pending') "
                + "FROM handoff WHERE business_key = :bk").param("bk", code).query(String.class).list();
        assertThat(handoff).containsExactly("sara>test-design>pending");
    }

}
