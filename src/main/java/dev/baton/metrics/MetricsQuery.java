package dev.baton.metrics;

import io.swagger.v3.oas.annotations.Parameter;

/** The query parameters every /api/metrics call takes, bound from the query string. */
public record MetricsQuery(
        @Parameter(description = "start: ISO date (2026-11-01) or date-time with offset; default 90 days before to") String from,
        @Parameter(description = "end, exclusive (a date includes that day); default now") String to,
        @Parameter(description = "acquisition, retention, winback or cross-sell") String campaignType,
        @Parameter(description = "email, sms, direct-mail, push or paid-social") String channel,
        @Parameter(description = "a team (candidate group) of the deployed gates") String team,
        @Parameter(description = "a gate key of the deployed models, e.g. brief") String gate) {
}
