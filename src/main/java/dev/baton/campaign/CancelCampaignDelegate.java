package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CANCELLATION_REASON;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a cancellation, from the {@code CancelCampaign} message or from the overdue gate
 * escalation. Open gates are marked cancelled by the gate listener as their tasks are deleted.
 */
@Component("cancelCampaign")
public class CancelCampaignDelegate implements JavaDelegate {

    private final HandoffLedger ledger;

    public CancelCampaignDelegate(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = CANCELLATION_REASON.get(execution);
        ledger.campaignCancelled(execution.getProcessBusinessKey(),
                reason == null || reason.isBlank() ? "cancelled without a reason" : reason);
    }
}
