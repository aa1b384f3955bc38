package dev.baton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Baton's own settings, under {@code baton.*} (DESIGN.md §5). */
@ConfigurationProperties("baton")
public record BatonProperties(
        @DefaultValue Map<String, String> teamLeads,
        @DefaultValue("1.0") double controlShareTolerancePercent,
        @DefaultValue Sla sla,
        @DefaultValue CampaignCode campaignCode,
        @DefaultValue Demo demo,
        @DefaultValue Notifications notifications,
        @DefaultValue Security security) {

    public record Sla(@DefaultValue("SATURDAY,SUNDAY") Set<DayOfWeek> weekend,
                      @DefaultValue List<LocalDate> holidays,
                      @DefaultValue("17") int dueHour) {
    }

    public record CampaignCode(@DefaultValue Map<String, String> prefixes) {
    }

    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /** E-mail notifications: links point at baseUrl; failed sends are retried with doubling backoff. */
    public record Notifications(@DefaultValue("http://localhost:8080") String baseUrl,
                                @DefaultValue("baton@localhost") String from,
                                @DefaultValue("PT30S") java.time.Duration retryBackoff,
                                @DefaultValue("PT1H") java.time.Duration maxBackoff,
                                @DefaultValue("PT2M") java.time.Duration claimLease,
                                @DefaultValue("50") int batchSize,
                                @DefaultValue("project-managers") String escalateTo) {
    }

    /**
     * API authentication (README, Security): failed logins slow down the client that sends them,
     * never the account; verified credentials are remembered briefly so that each call does not
     * re-run the password hash and the group look-ups.
     */
    public record Security(@DefaultValue LoginThrottle loginThrottle, @DefaultValue CredentialCache credentialCache) {
    }

    /** Per client address: this many failed logins are free, then each waits base × 2^n, at most max. */
    public record LoginThrottle(@DefaultValue("5") int freeAttempts,
                                @DefaultValue("PT1S") java.time.Duration baseDelay,
                                @DefaultValue("PT1M") java.time.Duration maxDelay,
                                @DefaultValue("10000") int maxClients) {
    }

    /** Verified HTTP Basic credentials, kept for ttl (0 turns the cache off), at most maxEntries users. */
    public record CredentialCache(@DefaultValue("PT1M") java.time.Duration ttl,
                                  @DefaultValue("1000") int maxEntries) {
    }

    /** The configured lead of a team, or null when none is configured. */
    public String teamLead(String team) {
        String lead = teamLeads.get(team);
        return lead == null || lead.isBlank() ? null : lead;
    }
}
