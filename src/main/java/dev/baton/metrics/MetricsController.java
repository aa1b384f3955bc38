package dev.baton.metrics;

import dev.baton.metrics.HandoffMetrics.SenderGrouping;
import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.HygieneKpi;
import dev.baton.metrics.Kpis.OutcomeKpi;
import dev.baton.metrics.Kpis.SenderKpi;
import dev.baton.metrics.Kpis.Timeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handoff KPIs over HTTP: JSON by default, CSV with {@code Accept: text/csv}. Every
 * {@code /api/metrics} call takes the same {@link MetricsQuery}.
 */
@RestController
@RequestMapping(path = "/api", produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
@Tag(name = "Handoff metrics", description = "KPIs computed from the handoff ledger")
public class MetricsController {

    private final HandoffMetrics metrics;
    private final MetricsParameters parameters;
    private final CampaignBoard board;

    public MetricsController(HandoffMetrics metrics, MetricsParameters parameters, CampaignBoard board) {
        this.metrics = metrics;
        this.parameters = parameters;
        this.board = board;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "The campaign board (project managers): every running campaign and program, the gate it is at, "
            + "the team and person holding it since when, due date and overdue, returns so far, its timeline")
    public List<CampaignBoard.Entry> campaigns(@ParameterObject BoardQuery query) {
        return board.entries(parameters.board(query.campaignType(), query.channel(), query.team(), query.owner(),
                query.sort()), dev.baton.ledger.LedgerClock.now());
    }

    @GetMapping("/metrics/gates")
    @Operation(summary = "Per gate: attempts, median and p90 wait, work and cycle time (seconds), SLA breach rate")
    public List<GateKpi> gates(@ParameterObject MetricsQuery query) {
        return metrics.gates(filter(query));
    }

    @GetMapping("/metrics/handoffs")
    @Operation(summary = "Per handoff edge: handoffs, first-pass yield, rework, mean quality, latency, top return reasons")
    public List<EdgeKpi> handoffs(@ParameterObject MetricsQuery query) {
        return metrics.edges(filter(query));
    }

    @GetMapping("/metrics/accountable")
    @Operation(summary = "Per accountable person: handoffs, first-pass yield, returns, mean quality, SLA breaches")
    public List<SenderKpi> accountable(@ParameterObject MetricsQuery query) {
        return metrics.senders(filter(query), SenderGrouping.ACCOUNTABLE);
    }

    @GetMapping("/metrics/teams")
    @Operation(summary = "Per sending team: handoffs, first-pass yield, returns, mean quality, SLA breaches")
    public List<SenderKpi> teams(@ParameterObject MetricsQuery query) {
        return metrics.senders(filter(query), SenderGrouping.SENDING_TEAM);
    }

    @GetMapping("/metrics/hygiene")
    @Operation(summary = "Launched campaigns: share with a control group, with tracking verified, with a results read-out")
    public HygieneKpi hygiene(@ParameterObject MetricsQuery query) {
        return metrics.hygiene(filter(query));
    }

    @GetMapping("/metrics/outcomes")
    @Operation(summary = "By campaign type: read-outs, mean lift against control, share significant, next actions")
    public List<OutcomeKpi> outcomes(@ParameterObject MetricsQuery query) {
        return metrics.outcomes(filter(query));
    }

    @GetMapping("/campaigns/{businessKey}/timeline")
    @Operation(summary = "Every gate attempt and handoff of one campaign, in order, with durations (404 if unknown)")
    public Timeline timeline(@PathVariable String businessKey) {
        return metrics.timeline(businessKey).orElseThrow(() -> new UnknownCampaignException(businessKey));
    }

    @GetMapping("/programs")
    @Operation(summary = "Always-on programs created in the range, each with its reviews: KPI trend and lift against the holdout")
    public List<Kpis.ProgramTrend> programs(@ParameterObject MetricsQuery query) {
        return metrics.programs(filter(query));
    }

    @GetMapping("/programs/{businessKey}/reviews")
    @Operation(summary = "One program's optimisation reviews in order (404 if unknown); CSV gives one row per review")
    public Kpis.ProgramTrend programReviews(@PathVariable String businessKey) {
        return metrics.programTrend(businessKey).orElseThrow(() -> new UnknownCampaignException(businessKey));
    }

    private MetricsFilter filter(MetricsQuery q) {
        return parameters.filter(q.from(), q.to(), q.campaignType(), q.channel(), q.team(), q.gate());
    }
}
