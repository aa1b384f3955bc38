package dev.baton.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Baton's meters for Prometheus and Grafana (/actuator/prometheus), read from the ledger at
 * scrape time, so they count only what committed:
 * {@code baton_gates_open{team}}, {@code baton_gates_overdue{team}},
 * {@code baton_handoffs_total{decision}} and {@code baton_sla_breaches_total{gate}}.
 * Registered once the models are deployed, since teams and gates come from them.
 */
@Component
public class LedgerMeters {

    private static final String OPEN = "completed_at IS NULL AND cancelled_at IS NULL";

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final GateCatalog catalog;

    public LedgerMeters(MeterRegistry registry, JdbcClient jdbc, GateCatalog catalog) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @EventListener
    public void onPostDeploy(PostDeployEvent event) {
        for (String team : catalog.teams()) {
            Gauge.builder("baton.gates.open", () -> count("SELECT COUNT(*) FROM gate_attempt WHERE " + OPEN
                            + " AND team = :v", team))
                    .description("Gate attempts waiting for the team").tag("team", team).register(registry);
            Gauge.builder("baton.gates.overdue", () -> count("SELECT COUNT(*) FROM gate_attempt WHERE " + OPEN
                            + " AND due_at < CURRENT_TIMESTAMP AND team = :v", team))
                    .description("Open gate attempts past their SLA due date").tag("team", team).register(registry);
        }
        for (String decision : new String[] {"accepted", "returned"}) {
            FunctionCounter.builder("baton.handoffs", this,
                            m -> m.count("SELECT COUNT(*) FROM handoff WHERE decision = :v", decision))
                    .description("Handoff decisions").tag("decision", decision).register(registry);
        }
        for (String gate : catalog.gates()) {
            FunctionCounter.builder("baton.sla.breaches", this,
                            m -> m.count("SELECT COUNT(*) FROM gate_attempt WHERE sla_breached_at IS NOT NULL AND gate = :v", gate))
                    .description("Gate attempts that breached their SLA").tag("gate", gate).register(registry);
        }
    }

    private double count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }
}
