package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.metrics.HandoffMetrics;
import dev.baton.metrics.Kpis;
import dev.baton.metrics.MetricsFilter;
import dev.baton.metrics.MetricsParameters;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin opens the Handoff dashboard in Cockpit after the demo data ran: the tables show the
 * numbers the KPI queries compute for the same range, the charts are drawn, the dashboard panel
 * and the navigation entry are there, and a campaign's timeline opens. Screenshot:
 * target/browser/cockpit-handoff-dashboard.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cockpit-browser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("demo")
@DirtiesContext
class CockpitDashboardBrowserIT extends BrowserTestSupport {

    @Autowired
    HandoffMetrics metrics;
    @Autowired
    MetricsParameters parameters;
    @Autowired
    dev.baton.metrics.GateCatalog catalog;
    @Autowired
    dev.baton.metrics.CampaignBoard board;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    dev.baton.metrics.KpiRollup rollup;

    @Test
    void adminSeesTheHandoffKpisInCockpit() throws IOException {
        try {
            // the demo's finished rows of earlier days summarized, as the scheduled rollup does a minute after start
            rollup.rollUp(5000);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM launch_day").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM read_out_day").query(Long.class).single()).isPositive();
            login("cockpit", "demo");
            visible(By.cssSelector(".baton-panel [data-chart='yield-summary']"));
            shot("cockpit-dashboard-panel");
            click(By.xpath("//a[normalize-space()='Handoffs']"));
            visible(By.cssSelector(".baton-dashboard[data-loaded='true']"));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            MetricsFilter filter = parameters.filter(today.minusDays(90).toString(), today.toString(), null, null, null, null);
            List<Kpis.GateKpi> gates = metrics.gates(filter);
            assertThat(gates).isNotEmpty();
            // gates by their names, in the order a campaign meets them (the ad-hoc lifecycle first)
            List<dev.baton.metrics.GateCatalog.Gate> order = catalog.inLifecycleOrder();
            assertThat(order).extracting(dev.baton.metrics.GateCatalog.Gate::key).startsWith("brief", "test-design",
                    "audience-pull", "tracking-signoff");
            java.util.Comparator<String> lifecycle = java.util.Comparator.comparingInt(
                    key -> order.stream().map(dev.baton.metrics.GateCatalog.Gate::key).toList().indexOf(key));
            gates = gates.stream().sorted(java.util.Comparator.comparing(Kpis.GateKpi::gate, lifecycle)).toList();
            assertThat(column("gates", 0)).containsExactlyElementsOf(gates.stream().map(g -> name(order, g.gate())).toList());
            assertThat(column("gates", 2)).containsExactlyElementsOf(
                    gates.stream().map(g -> String.valueOf(g.attempts())).toList());
            List<Kpis.EdgeKpi> edges = metrics.edges(filter).stream()
                    .sorted(java.util.Comparator.comparing(Kpis.EdgeKpi::fromGate, lifecycle)
                            .thenComparing(Kpis.EdgeKpi::toGate, lifecycle)).toList();
            assertThat(column("handoffs", 0)).containsExactlyElementsOf(
                    edges.stream().map(e -> name(order, e.fromGate()) + " → " + name(order, e.toGate())).toList());
            assertThat(column("handoffs", 3)).containsExactlyElementsOf(edges.stream()
                    .map(e -> e.firstPassYield() == null ? "–" : Math.round(e.firstPassYield() * 100) + "%").toList());
            assertThat(column("accountable", 0)).containsExactlyElementsOf(metrics.senders(filter,
                    HandoffMetrics.SenderGrouping.ACCOUNTABLE).stream().map(s -> s.sender() == null ? "(none named)" : s.sender()).toList());
            assertThat(browser.findElements(By.cssSelector("[data-chart='cycle'] rect"))).hasSize(2 * gates.size());
            assertThat(browser.findElements(By.cssSelector("[data-chart='breaches'] rect.baton-breaches"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-chart='cycle'] .baton-tick"))).as("a value axis")
                    .hasSizeGreaterThan(2);
            assertThat(browser.findElements(By.cssSelector("[data-chart='breaches'] .baton-tick"))).hasSizeGreaterThan(2);
            assertThat(column("gates", 6)).as("work shows in readable units, never 0.0 h").doesNotContain("0.0 h")
                    .allMatch(t -> t.equals("–") || t.matches("(< 1 min|\\d+ min|\\d+\\.\\d h|\\d+\\.\\d d)"));
            assertThat(column("accountable", 6)).as("open breaches are shown").contains("1");
            assertThat(column("programs", 1)).as("newest first").containsExactly("Win-back trigger", "Welcome series");
            assertThat(column("programs", 4)).containsExactly("1", "3");
            assertThat(browser.findElements(By.cssSelector("[data-table='programs'] .baton-spark polyline"))).hasSize(2);
            shot("cockpit-handoff-dashboard");
            // hygiene and outcomes from the daily summaries plus what they do not hold
            Kpis.HygieneKpi hygiene = metrics.hygiene(filter);
            assertThat(hygiene.launched()).isPositive();
            assertThat(browser.findElement(By.xpath("//h3[starts-with(normalize-space(),'Campaign hygiene')]"))
                    .getDomProperty("textContent")).contains(hygiene.launched() + " launched");
            List<Kpis.OutcomeKpi> outcomes = metrics.outcomes(filter);
            assertThat(outcomes).isNotEmpty();
            assertThat(column("outcomes", 1)).containsExactlyElementsOf(
                    outcomes.stream().map(o -> String.valueOf(o.readOuts())).toList());
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                    browser.findElement(By.xpath("//h3[starts-with(normalize-space(),'Campaign hygiene')]")));
            shot("cockpit-hygiene-and-outcomes");

            WebElement first = browser.findElement(By.cssSelector("[data-table='campaigns'] [data-timeline]"));
            String code = first.getDomProperty("textContent").trim();
            click(By.cssSelector("[data-table='campaigns'] [data-timeline='" + code + "']"));
            visible(By.xpath("//h4[contains(normalize-space(),'Timeline of " + code + "')]"));
            assertThat(browser.findElements(By.cssSelector("[data-table='timeline'] tbody tr")))
                    .hasSize(metrics.timeline(code).orElseThrow().entries().size());
            shot("cockpit-campaign-timeline");

            // a finished campaign: no dead Cockpit link; its address opens its timeline, launch and result included
            String finished = jdbc.sql("SELECT business_key FROM campaign WHERE outcome = 'completed'").query(String.class).single();
            assertThat(browser.findElements(By.xpath("//table[@data-table='campaigns']//tr[td/a[@data-timeline='" + finished
                    + "']]//a[contains(@href,'/process-instance/')]"))).as("no Cockpit instance link for " + finished).isEmpty();
            browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/handoffs?campaign=" + finished);
            visible(By.xpath("//h4[contains(normalize-space(),'Timeline of " + finished + "')]"));
            assertThat(browser.findElements(By.cssSelector("#baton-timeline a[href*='/process-instance/']"))).isEmpty();
            assertThat(column("timeline", 1)).anyMatch(t -> t.startsWith("launch:")).anyMatch(t -> t.startsWith("result: lift"));
            shot("cockpit-finished-campaign-timeline");
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-cockpit");
            throw e;
        }
    }

    @Test
    void aProjectManagerFindsWhereEachCampaignIsOnTheCampaignBoard() throws IOException {
        try {
            login("cockpit", "pat");
            click(By.xpath("//a[normalize-space()='Campaign board']"));
            visible(By.cssSelector(".baton-board[data-loaded='true']"));
            var entries = board.entries(parameters.board(null, null, null, null, null), dev.baton.ledger.LedgerClock.now());
            assertThat(column("board", 0)).as("the same rows as GET /api/campaigns, soonest due first")
                    .containsExactlyElementsOf(entries.stream().map(dev.baton.metrics.CampaignBoard.Entry::businessKey).toList());
            String code = jdbc.sql("SELECT business_key FROM campaign WHERE name = 'Credit card cross-sell'").query(String.class).single();
            WebElement row = browser.findElement(By.xpath("//table[@data-table='board']//tr[td/a[normalize-space()='" + code + "']]"));
            List<String> cells = row.findElements(By.tagName("td")).stream().map(c -> c.getDomProperty("textContent").trim()).toList();
            assertThat(cells.get(5)).as("at the brief, by its name").isEqualTo("Write strategic brief");
            assertThat(cells.get(6)).isEqualTo("Strategy");
            assertThat(cells.get(3)).as("types and channels by their labels").isEqualTo("Cross-sell");
            assertThat(cells.get(4)).isEqualTo("E-mail");
            assertThat(cells.get(7)).as("nobody has claimed it").isEqualTo("unclaimed");
            assertThat(cells.get(9)).endsWith("overdue");
            assertThat(row.getDomAttribute("class")).contains("baton-overdue");
            shot("cockpit-campaign-board");

            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("team"))).selectByValue("analytics");
            click(By.cssSelector(".baton-board button[type='submit']"));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !column("board", 6).isEmpty() && column("board", 6).stream().allMatch("Analytics"::equals));
            assertThat(column("board", 0)).containsExactlyElementsOf(board.entries(parameters.board(null, null, "analytics", null, null),
                    dev.baton.ledger.LedgerClock.now()).stream().map(dev.baton.metrics.CampaignBoard.Entry::businessKey).toList());
            click(By.cssSelector("[data-sort='returns']"));
            wait.until(d -> "returns".equals(browser.findElement(By.name("sort")).getDomProperty("value")));
            assertThat(browser.findElement(By.cssSelector(".baton-csv")).getDomAttribute("href"))
                    .contains("team=analytics").contains("sort=returns").endsWith("format=csv");

            String first = column("board", 0).get(0);
            click(By.xpath("//table[@data-table='board']//a[normalize-space()='" + first + "']"));
            visible(By.xpath("//h4[contains(normalize-space(),'Timeline of " + first + "')]"));
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-campaign-board");
            throw e;
        }
    }

    private static String name(List<dev.baton.metrics.GateCatalog.Gate> order, String key) {
        return order.stream().filter(g -> g.key().equals(key)).map(dev.baton.metrics.GateCatalog.Gate::name).findFirst().orElse(key);
    }

    /** A column's texts; read again when the page redraws the table while it is read (after a sort or filter). */
    private List<String> column(String table, int index) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElements(By.cssSelector("[data-table='" + table + "'] tbody tr")).stream()
                        .map(row -> row.findElements(By.tagName("td")).get(index).getDomProperty("textContent").trim()).toList();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }
}
