package dev.baton.ledger;

import java.time.OffsetDateTime;

/** A row of {@code campaign_result}: the read-out, with rates, lift and significance. */
public record CampaignResultRecord(String businessKey, long testSize, long controlSize, long testConversions,
                                   long controlConversions, Double testRate, Double controlRate, Double lift,
                                   Double pValue, String nextAction, String learnings, OffsetDateTime recordedAt) {
}
