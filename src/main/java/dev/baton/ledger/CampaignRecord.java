package dev.baton.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of {@code campaign}. */
public record CampaignRecord(String businessKey, String processInstanceId, String name, String campaignType,
                             String channel, String owner, LocalDate plannedLaunchDate, Long estimatedAudienceSize,
                             OffsetDateTime createdAt, OffsetDateTime launchedAt, OffsetDateTime closedAt,
                             String outcome, String cancellationReason) {

    public static final String RUNNING = "running";
    public static final String LAUNCHED = "launched";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
}
