package dev.baton.metrics;

import io.swagger.v3.oas.annotations.Parameter;

/** The campaign board's filters and sort; each checked, a bad one answered 400 naming it. */
public record BoardQuery(
        @Parameter(description = "acquisition, retention, winback or cross-sell") String campaignType,
        @Parameter(description = "email, sms, direct-mail, push or paid-social") String channel,
        @Parameter(description = "the team holding the baton (candidate group of the open gate)") String team,
        @Parameter(description = "the campaign's owner (user id)") String owner,
        @Parameter(description = "due (default: soonest due first), since (longest waiting first), returns (most first), code") String sort) {
}
