package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pat acts on the demo's overdue brief of "Credit card cross-sell" from its escalation in
 * Tasklist: the form says when it was due as people read it, and reassigning the gate to Max (a
 * strategy member) hands it to him and is recorded in the ledger; reminding a team and giving a
 * gate a new due date are recorded too; and Tasklist never offers Pat a Claim on a team's gate,
 * which the engine would refuse. Screenshots in target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:overdue-escalation;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("demo")
@DirtiesContext
class OverdueEscalationBrowserIT extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.baton.gate.SlaWatch slaWatch;

    @Test
    void projectManagerReassignsAnOverdueGate() throws IOException {
        String code = jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Credit card cross-sell'")
                .query(String.class).single();
        try {
            login("tasklist", "pat");
            click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
            click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Overdue: Write strategic brief – "
                    + code + " Credit card cross-sell')]"));
            claimOpenTask();
            visible(By.xpath("//*[contains(@class,'fjs-form-field-text') and contains(normalize-space(),'was due ') "
                    + "and contains(normalize-space(),' UTC and is still open')]"));
            click(By.xpath("//label[contains(normalize-space(),'Reassign the gate to a member of the team')]"));
            fillField("reassignTo", "max");
            shot("escalation-1-reassign");
            click(By.xpath("//button[normalize-space()='Complete']"));
            wait.until(d -> jdbc.sql("SELECT COUNT(*) FROM gate_escalation_action WHERE business_key = :bk "
                    + "AND action = 'reassign' AND assignee = 'max' AND actor = 'pat'").param("bk", code).query(Long.class).single() == 1);
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-escalation");
            throw e;
        }
        assertThat(jdbc.sql("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'UserTask_StrategicBrief' AND PROC_INST_ID_ = "
                + "(SELECT process_instance_id FROM campaign WHERE business_key = :bk)").param("bk", code)
                .query(String.class).single()).isEqualTo("max");
        assertThat(jdbc.sql("SELECT assignee FROM gate_attempt WHERE business_key = :bk AND gate = 'brief'")
                .param("bk", code).query(String.class).single()).as("the ledger knows who holds the baton").isEqualTo("max");
        assertThat(jdbc.sql("SELECT parties FROM notification_event WHERE kind = 'GATE_REASSIGNED' AND business_key = :bk")
                .param("bk", code).query(String.class).single()).as("max is told the gate is his").isEqualTo("max");
    }

    @Test
    void projectManagerIsNotOfferedTheClaimOfATeamsGate() throws IOException {
        String code = code("Loyalty tier upgrade");
        By gate = By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Design test and control group – "
                + code + "')]");
        try {
            login("tasklist", "pat");
            click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),'Overdue gates')]"));
            click(gate);
            visible(By.cssSelector("p.baton-claim-note"));
            assertThat(browser.findElements(By.cssSelector("ul.meta.actors li.assignee button.claim")))
                    .as("no Claim for pat").allMatch(b -> !b.isDisplayed());
            assertThat(browser.findElement(By.cssSelector("p.baton-claim-note")).getText()).contains("escalation");
            assertThat(browser.findElements(By.xpath("//a[normalize-space()='Set due date' or normalize-space()='Add groups']")))
                    .allMatch(a -> !a.isDisplayed());
            visible(By.xpath("//*[contains(@class,'fjs-form-field-text') and contains(normalize-space(),'"
                    + "Retention campaign on Push notification, planned launch ') and contains(normalize-space(),'about 80,000 customers.')]"));
            assertThat(browser.findElement(By.cssSelector("ul.meta.actors li.groups")).getText())
                    .as("the team by its name").contains("Analytics");
            shot("escalation-0-no-claim-for-project-managers");

            login("tasklist", "anna");
            click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
            click(gate);
            visible(By.cssSelector("ul.meta.actors li.assignee button.claim"));
            assertThat(present(By.cssSelector("p.baton-claim-note"))).as("the team claims as before").isFalse();
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-no-claim");
            throw e;
        }
    }

    @Test
    void projectManagerRemindsTheTeamOrGivesTheGateANewDueDate() throws IOException {
        String reminded = code("VIP early access");
        String extended = code("Back-to-school bundle");
        makeOverdue(reminded, dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "test-design");
        makeOverdue(extended, dev.baton.campaign.CampaignLifecycleProcess.RESULTS_READOUT, "results-readout");
        java.time.LocalDate newDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7);
        try {
            login("tasklist", "pat");
            click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
            click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Overdue: Design test and control group – "
                    + reminded + "')]"));
            claimOpenTask();
            click(By.xpath("//label[contains(normalize-space(),'Remind the team and the accountable person')]"));
            assertThat(browser.findElements(By.xpath("//a[normalize-space()='Set due date']")))
                    .as("Baton fixes due dates: not offered").allMatch(a -> !a.isDisplayed());
            shot("escalation-2-remind");
            click(By.xpath("//button[normalize-space()='Complete']"));
            wait.until(d -> count("SELECT COUNT(*) FROM gate_escalation_action WHERE business_key = '" + reminded
                    + "' AND action = 'remind' AND actor = 'pat'") == 1);
            assertThat(jdbc.sql("SELECT parties FROM notification_event WHERE kind = 'GATE_REMINDER' AND business_key = :bk")
                    .param("bk", reminded).query(String.class).single()).as("the team and its accountable person")
                    .contains("analytics");

            click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Overdue: Read out results – "
                    + extended + "')]"));
            claimOpenTask();
            click(By.xpath("//label[contains(normalize-space(),'Give the gate a new due date')]"));
            var day = visible(By.cssSelector("[id$='Field_NewDueDate-date']"));
            day.sendKeys(String.format("%02d/%02d/%d", newDay.getMonthValue(), newDay.getDayOfMonth(), newDay.getYear()));
            day.sendKeys(org.openqa.selenium.Keys.ESCAPE);
            fillField("extensionReason", "Waiting for the conversion feed of the last week");
            shot("escalation-3-new-due-date");
            click(By.xpath("//button[normalize-space()='Complete']"));
            wait.until(d -> count("SELECT COUNT(*) FROM gate_escalation_action WHERE business_key = '" + extended
                    + "' AND action = 'extend' AND actor = 'pat'") == 1);
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-remind-extend");
            throw e;
        }
        var attempt = jdbc.sql("SELECT due_at, sla_breached_at FROM gate_attempt WHERE business_key = :bk AND gate = 'results-readout' "
                + "AND completed_at IS NULL").param("bk", extended)
                .query((rs, i) -> new Object[] {rs.getObject(1, java.time.OffsetDateTime.class), rs.getObject(2, java.time.OffsetDateTime.class)})
                .single();
        assertThat(((java.time.OffsetDateTime) attempt[0]).toLocalDate()).as("the new due day").isEqualTo(newDay);
        assertThat(attempt[1]).as("the breach stays recorded").isNotNull();
        assertThat(jdbc.sql("SELECT reason FROM gate_escalation_action WHERE business_key = :bk AND action = 'extend'")
                .param("bk", extended).query(String.class).single()).isEqualTo("Waiting for the conversion feed of the last week");
        assertThat(jdbc.sql("SELECT body FROM notification_event WHERE kind = 'GATE_DUE_DATE_MOVED' AND business_key = :bk")
                .param("bk", extended).query(String.class).single()).as("the team hears of the new due date and why")
                .contains("Waiting for the conversion feed of the last week").contains("stays recorded as an SLA breach");
    }

    private String code(String name) {
        return jdbc.sql("SELECT business_key FROM campaign WHERE name = :name").param("name", name).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** As if the gate's due date had passed a day ago: the SLA watch raises its escalation. */
    private void makeOverdue(String code, String activityId, String gate) {
        java.time.OffsetDateTime due = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1);
        jdbc.sql("UPDATE ACT_RU_TASK SET DUE_DATE_ = :due WHERE TASK_DEF_KEY_ = :activity AND PROC_INST_ID_ = "
                + "(SELECT process_instance_id FROM campaign WHERE business_key = :bk)")
                .param("due", java.sql.Timestamp.from(due.toInstant())).param("activity", activityId).param("bk", code).update();
        jdbc.sql("UPDATE gate_attempt SET due_at = :due WHERE business_key = :bk AND gate = :gate AND completed_at IS NULL")
                .param("due", due).param("bk", code).param("gate", gate).update();
        assertThat(slaWatch.sweep()).as("escalated").isEqualTo(1);
    }
}
