package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CANCELLATION_REASON;

import java.util.Map;

/**
 * What each message of the lifecycles may carry into a campaign, with the longest text allowed:
 * a cancellation its reason (the ledger keeps 1,000 characters), pause and resume nothing.
 */
public final class MessagePayloads {

    public static final int CANCELLATION_REASON_MAX = 1000;

    public static final Map<String, Map<String, Integer>> ALLOWED = Map.of(
            CampaignLifecycleProcess.MESSAGE_CANCEL_CAMPAIGN, Map.of(CANCELLATION_REASON.name(), CANCELLATION_REASON_MAX),
            AutomatedCampaignLifecycleProcess.MESSAGE_PAUSE, Map.of(),
            AutomatedCampaignLifecycleProcess.MESSAGE_RESUME, Map.of());

    private MessagePayloads() {
    }
}
