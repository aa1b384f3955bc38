package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.AUDIENCE_COUNT;
import static dev.baton.campaign.CampaignVariables.CONTROL_CONVERSIONS;
import static dev.baton.campaign.CampaignVariables.CONTROL_CONVERSION_RATE;
import static dev.baton.campaign.CampaignVariables.CONTROL_COUNT;
import static dev.baton.campaign.CampaignVariables.LEARNINGS;
import static dev.baton.campaign.CampaignVariables.LIFT;
import static dev.baton.campaign.CampaignVariables.NEXT_ACTION;
import static dev.baton.campaign.CampaignVariables.P_VALUE;
import static dev.baton.campaign.CampaignVariables.SIGNIFICANT;
import static dev.baton.campaign.CampaignVariables.TEST_CONVERSIONS;
import static dev.baton.campaign.CampaignVariables.TEST_CONVERSION_RATE;

import dev.baton.ledger.CampaignResultRecord;
import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.LedgerClock;
import dev.baton.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordCampaignResult}: computes lift and significance and closes the campaign. */
@Component("recordCampaignResult")
public class RecordCampaignResultDelegate implements JavaDelegate {

    private final HandoffLedger ledger;
    private final Notifications notifications;

    public RecordCampaignResultDelegate(HandoffLedger ledger, Notifications notifications) {
        this.ledger = ledger;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long control = CONTROL_COUNT.get(execution);
        long test = AUDIENCE_COUNT.get(execution) - control;
        long testConversions = TEST_CONVERSIONS.get(execution);
        long controlConversions = CONTROL_CONVERSIONS.get(execution);
        ResultStatistics stats = ResultStatistics.of(test, testConversions, control, controlConversions);
        TEST_CONVERSION_RATE.set(execution, stats.testRate());
        CONTROL_CONVERSION_RATE.set(execution, stats.controlRate());
        LIFT.set(execution, stats.lift());
        P_VALUE.set(execution, stats.pValue());
        SIGNIFICANT.set(execution, stats.significant());
        ledger.campaignCompleted(new CampaignResultRecord(execution.getProcessBusinessKey(), test, control,
                testConversions, controlConversions, stats.testRate(), stats.controlRate(), stats.lift(),
                stats.pValue(), NEXT_ACTION.get(execution), LEARNINGS.get(execution), LedgerClock.now()));
        notifications.resultReadOut(execution, stats.lift(), stats.pValue(), NEXT_ACTION.get(execution),
                LEARNINGS.get(execution));
    }
}
