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
 * strategy member) hands it to him and is recorded in the ledger. Screenshots in target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:overdue-escalation;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("demo")
@DirtiesContext
class OverdueEscalationBrowserIT extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

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
    }
}
