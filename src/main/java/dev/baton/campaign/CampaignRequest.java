package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CAMPAIGN_NAME;
import static dev.baton.campaign.CampaignVariables.CAMPAIGN_TYPE;
import static dev.baton.campaign.CampaignVariables.CHANNEL;
import static dev.baton.campaign.CampaignVariables.ESTIMATED_AUDIENCE_SIZE;
import static dev.baton.campaign.CampaignVariables.PLANNED_LAUNCH_DATE;

import dev.baton.gate.FieldRules;
import dev.baton.gate.SubmissionRejectedException;
import dev.baton.ledger.LedgerClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** A validated campaign request (the start form of both lifecycles). */
public record CampaignRequest(String name, String type, String channel, LocalDate plannedLaunchDate,
                              long estimatedAudienceSize) {

    public static final Set<String> TYPES = Set.of("acquisition", "retention", "winback", "cross-sell");
    public static final Set<String> CHANNELS = Set.of("email", "sms", "direct-mail", "push", "paid-social");
    /** How forms and texts name each type and channel: the start form's labels, without their explanations. */
    public static final Map<String, String> TYPE_LABELS = Map.of("acquisition", "Acquisition", "retention", "Retention",
            "winback", "Win-back", "cross-sell", "Cross-sell");
    public static final Map<String, String> CHANNEL_LABELS = Map.of("email", "E-mail", "sms", "SMS",
            "direct-mail", "Direct mail", "push", "Push notification", "paid-social", "Paid social");
    public static final int MAX_NAME_LENGTH = 120;
    /** More customers than any CRM holds: a bigger number is a typo (and the policy table cannot compare it). */
    public static final long MAX_AUDIENCE = 10_000_000_000L;

    public static CampaignRequest from(Map<String, Object> values) {
        String name = FieldRules.requiredText(values, CAMPAIGN_NAME, MAX_NAME_LENGTH);
        String type = FieldRules.oneOf(values, CAMPAIGN_TYPE, TYPES);
        String channel = FieldRules.oneOf(values, CHANNEL, CHANNELS);
        LocalDate launch = launchDate(values);
        long size = FieldRules.wholeNumber(values, ESTIMATED_AUDIENCE_SIZE, 1, MAX_AUDIENCE);
        if (CampaignVariables.REVIEW_CYCLE_WEEKS.get(values) != null) {
            FieldRules.wholeNumber(values, CampaignVariables.REVIEW_CYCLE_WEEKS, 1, 52);
        }
        return new CampaignRequest(name, type, channel, launch, size);
    }

    private static LocalDate launchDate(Map<String, Object> values) {
        String text = FieldRules.requiredText(values, PLANNED_LAUNCH_DATE, 10);
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new SubmissionRejectedException(PLANNED_LAUNCH_DATE.name(), "must be a date as YYYY-MM-DD (was '" + text + "')");
        }
        LocalDate today = LedgerClock.now().toLocalDate();
        if (date.isBefore(today)) {
            throw new SubmissionRejectedException(PLANNED_LAUNCH_DATE.name(), "must not be in the past (was " + date + ", today is " + today + ")");
        }
        return date;
    }
}
