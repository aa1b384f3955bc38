package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.ATTRIBUTION_WINDOW_DAYS;
import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_GROUP_TRACKED;
import static dev.baton.campaign.CampaignVariables.TRACKING_CODES_VERIFIED;
import static dev.baton.campaign.CampaignVariables.MEASUREMENT_WINDOW_END;

import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.LedgerClock;
import dev.baton.notification.Notifications;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LaunchCampaign}: records the launch and opens the measurement window,
 * which lasts the attribution window signed off at the tracking gate.
 */
@Component("launchCampaign")
public class LaunchCampaignDelegate implements JavaDelegate {

    private final HandoffLedger ledger;
    private final Notifications notifications;

    public LaunchCampaignDelegate(HandoffLedger ledger, Notifications notifications) {
        this.ledger = ledger;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long audience = AUDIENCE_COUNT.get(execution);
        long control = CONTROL_COUNT.get(execution);
        ledger.campaignLaunched(execution.getProcessBusinessKey(), 100.0 * control / audience,
                TRACKING_CODES_VERIFIED.get(execution), CONTROL_GROUP_TRACKED.get(execution));
        long days = ATTRIBUTION_WINDOW_DAYS.get(execution);
        Date measurementEnds = Date.from(LedgerClock.now().plusDays(days).toInstant());
        MEASUREMENT_WINDOW_END.set(execution, measurementEnds);
        notifications.campaignLaunched(execution, measurementEnds);
    }
}
