package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_PERCENT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_TRACKED;
import static dev.baton.campaign.CampaignVariables.TRACKING_CODES_VERIFIED;

import dev.baton.ledger.HandoffLedger;
import dev.baton.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_GoLive}: a program (or its new test cell) goes live. The ledger keeps the
 * first go-live as the launch; the standing holdout is the designed control share.
 */
@Component("goLive")
public class GoLiveDelegate implements JavaDelegate {

    private final HandoffLedger ledger;
    private final ProgramCycle cycle;
    private final Notifications notifications;

    public GoLiveDelegate(HandoffLedger ledger, ProgramCycle cycle, Notifications notifications) {
        this.ledger = ledger;
        this.cycle = cycle;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.campaignLaunched(execution.getProcessBusinessKey(), CONTROL_GROUP_PERCENT.get(execution),
                TRACKING_CODES_VERIFIED.get(execution), CONTROL_GROUP_TRACKED.get(execution));
        notifications.campaignLaunched(execution, cycle.nextReview(execution));
    }
}
