package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ledger.LedgerRepository;
import dev.baton.ledger.ProgramReviewRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Always-on programs from Tasklist alone: Pat sets up a program with the ProgramRequest form;
 * Olivia (optimisation) completes the demo Welcome series' due review in its Camunda Form and
 * decides to keep it, and the review is stored with its lift against the holdout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:program-browser;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@DirtiesContext
class ProgramReviewBrowserIT extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerRepository ledger;

    @Test
    void programIsSetUpAndReviewedInTasklist() throws IOException {
        try {
            login("tasklist", "pat");
            click(By.xpath("//a[normalize-space()='Start process']"));
            click(By.xpath("//*[contains(@class,'modal')]//a[normalize-space()='Always-on program lifecycle']"));
            fillField("campaignName", "Lapse prevention, browser");
            choose("campaignType", "Retention");
            choose("channel", "Push");
            var date = visible(By.cssSelector("[id$='Field_PlannedLaunchDate-date']"));
            date.sendKeys(java.time.LocalDate.now().plusDays(14).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            date.sendKeys(org.openqa.selenium.Keys.ENTER);
            fillField("estimatedAudienceSize", "25000");
            assertThat(field("reviewCycleWeeks").getDomProperty("value")).as("default review cycle").isEqualTo("4");
            shot("program-request");
            click(By.xpath("//*[contains(@class,'modal')]//button[normalize-space()='Start']"));
            wait.until(d -> jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = 'Lapse prevention, browser'")
                    .query(Long.class).single() == 1);

            String code = jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Welcome series'").query(String.class).single();
            // the demo leaves the program with its review due: Olivia finds it in her list

            login("tasklist", "olivia");
            click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(),\"My team's gates\")]"));
            click(By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(),'Review program against holdout – " + code + " Welcome series')]"));
            claimOpenTask();
            // the review starts from the last one: its figures, program beside holdout, and the lift trend
            visible(By.xpath("//*[contains(@class,'fjs-form-field-text') and contains(normalize-space(),'Last review: review 3') "
                    + "and contains(normalize-space(),'9,400') and contains(normalize-space(),'Active-rate lift, review by review: 1:')]"));
            assertThat(field("programMembers").getLocation().getY()).as("program and holdout side by side")
                    .isEqualTo(field("holdoutMembers").getLocation().getY());
            assertThat(field("programMembers").getLocation().getX()).isLessThan(field("holdoutMembers").getLocation().getX());
            shot("program-review-starts-from-the-last");
            fillField("learnings", "Free delivery still wins in month three");
            Map<String, String> figures = Map.ofEntries(Map.entry("programMembers", "9800"),
                    Map.entry("holdoutMembers", "1080"), Map.entry("activeBase", "6900"), Map.entry("holdoutActiveBase", "630"),
                    Map.entry("transactions", "14000"), Map.entry("holdoutTransactions", "1200"),
                    Map.entry("firstPurchases", "2300"), Map.entry("holdoutFirstPurchases", "160"),
                    Map.entry("wonBack", "0"), Map.entry("holdoutWonBack", "0"), Map.entry("lapsed", "480"),
                    Map.entry("holdoutLapsed", "70"));
            figures.forEach((key, value) -> {
                assertThat(field(key).getDomProperty("value")).as("%s starts blank", key).isEmpty();
                fillField(key, value);
            });
            // Camunda Forms debounce number input; typing faster than a person races the re-render
            sleepMillis(600);
            click(By.xpath("//label[contains(normalize-space(),'Keep it running')]"));
            assertThat(field("learnings").getDomProperty("value")).isEqualTo("Free delivery still wins in month three");
            shot("optimization-review");
            click(By.xpath("//button[normalize-space()='Complete']"));
            wait.until(d -> ledger.programReviews(code).size() == 4);
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-program");
            throw e;
        }
        List<ProgramReviewRecord> reviews = ledger.programReviews(code());
        ProgramReviewRecord latest = reviews.get(reviews.size() - 1);
        assertThat(latest.reviewer()).isEqualTo("olivia");
        assertThat(latest.decision()).isEqualTo("keep");
        assertThat(latest.programMembers()).isEqualTo(9_800);
        assertThat(latest.activeLift()).isCloseTo((6900.0 / 9800) / (630.0 / 1080) - 1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(latest.learnings()).isEqualTo("Free delivery still wins in month three");
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String code() {
        return jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Welcome series'").query(String.class).single();
    }

    /** The form field, scrolled to the middle: Tasklist's form footer covers the bottom of the view. */
    private org.openqa.selenium.WebElement field(String key) {
        var element = visible(By.cssSelector("[id$='Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private void choose(String key, String option) {
        click(By.cssSelector("[id$='Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "-display']"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(),'" + option + "')]"));
    }
}
