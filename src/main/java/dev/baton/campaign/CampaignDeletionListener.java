package dev.baton.campaign;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * A campaign whose process instance is deleted (an administrator in Cockpit or over REST) is
 * recorded as cancelled, with the deletion reason, so the ledger never keeps it running. Its open
 * gates are marked cancelled by the gate listener as their tasks go. Attached to the end of every
 * process as a built-in listener by gate.GatePlugin (skipping custom listeners is refused anyway).
 */
@Component(CampaignDeletionListener.BEAN)
public class CampaignDeletionListener implements ExecutionListener {

    public static final String BEAN = "campaignDeletion";
    private static final int MAX_REASON = 1000;

    private final HandoffLedger ledger;

    public CampaignDeletionListener(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled() || execution.getProcessBusinessKey() == null) {
            return;
        }
        String given = execution instanceof ExecutionEntity entity && entity.getDeleteReason() != null
                ? entity.getDeleteReason() : "no reason given";
        String by = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        String reason = "Deleted" + (by == null ? "" : " by " + by) + ": " + given;
        ledger.campaignDeleted(execution.getProcessBusinessKey(), reason.substring(0, Math.min(MAX_REASON, reason.length())));
    }
}
