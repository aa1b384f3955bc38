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

    @Test
    void adminSeesTheHandoffKpisInCockpit() throws IOException {
        try {
            login("cockpit", "demo");
            visible(By.cssSelector(".baton-panel [data-chart='yield-summary']"));
            click(By.xpath("//a[normalize-space()='Handoffs']"));
            visible(By.cssSelector(".baton-dashboard[data-loaded='true']"));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            MetricsFilter filter = parameters.filter(today.minusDays(90).toString(), today.toString(), null, null, null, null);
            List<Kpis.GateKpi> gates = metrics.gates(filter);
            assertThat(gates).isNotEmpty();
            assertThat(column("gates", 0)).containsExactlyElementsOf(gates.stream().map(Kpis.GateKpi::gate).toList());
            assertThat(column("gates", 2)).containsExactlyElementsOf(
                    gates.stream().map(g -> String.valueOf(g.attempts())).toList());
            List<Kpis.EdgeKpi> edges = metrics.edges(filter);
            assertThat(column("handoffs", 0)).containsExactlyElementsOf(
                    edges.stream().map(e -> e.fromGate() + " → " + e.toGate()).toList());
            assertThat(column("handoffs", 3)).containsExactlyElementsOf(edges.stream()
                    .map(e -> e.firstPassYield() == null ? "–" : Math.round(e.firstPassYield() * 100) + "%").toList());
            assertThat(column("accountable", 0)).containsExactlyElementsOf(metrics.senders(filter,
                    HandoffMetrics.SenderGrouping.ACCOUNTABLE).stream().map(s -> s.sender() == null ? "(none named)" : s.sender()).toList());
            assertThat(browser.findElements(By.cssSelector("[data-chart='cycle'] rect"))).hasSize(2 * gates.size());
            assertThat(browser.findElements(By.cssSelector("[data-chart='breaches'] rect.baton-breaches"))).isNotEmpty();
            assertThat(column("programs", 1)).as("newest first").containsExactly("Win-back trigger", "Welcome series");
            assertThat(column("programs", 4)).containsExactly("1", "3");
            assertThat(browser.findElements(By.cssSelector("[data-table='programs'] .baton-spark polyline"))).hasSize(2);
            shot("cockpit-handoff-dashboard");

            WebElement first = browser.findElement(By.cssSelector("[data-table='campaigns'] [data-timeline]"));
            String code = first.getDomProperty("textContent").trim();
            click(By.cssSelector("[data-table='campaigns'] [data-timeline='" + code + "']"));
            visible(By.xpath("//h4[contains(normalize-space(),'Timeline of " + code + "')]"));
            assertThat(browser.findElements(By.cssSelector("[data-table='timeline'] tbody tr")))
                    .hasSize(metrics.timeline(code).orElseThrow().entries().size());
            shot("cockpit-campaign-timeline");
        } catch (RuntimeException | AssertionError e) {
            keepFailure("failure-cockpit");
            throw e;
        }
    }

    private List<String> column(String table, int index) {
        return browser.findElements(By.cssSelector("[data-table='" + table + "'] tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getDomProperty("textContent").trim()).toList();
    }
}
