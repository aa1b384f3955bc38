package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.ACTIVE_BASE;
import static dev.baton.campaign.CampaignVariables.ACTIVE_LIFT;
import static dev.baton.campaign.CampaignVariables.FIRST_PURCHASES;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_ACTIVE_BASE;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_FIRST_PURCHASES;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_LAPSED;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_MEMBERS;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_TRANSACTIONS;
import static dev.baton.campaign.CampaignVariables.HOLDOUT_WON_BACK;
import static dev.baton.campaign.CampaignVariables.LAPSED;
import static dev.baton.campaign.CampaignVariables.LEARNINGS;
import static dev.baton.campaign.CampaignVariables.OPTIMIZATION_DECISION;
import static dev.baton.campaign.CampaignVariables.PROGRAM_MEMBERS;
import static dev.baton.campaign.CampaignVariables.REVIEW_NUMBER;
import static dev.baton.campaign.CampaignVariables.TRANSACTIONS;
import static dev.baton.campaign.CampaignVariables.WON_BACK;

import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.LedgerClock;
import dev.baton.ledger.ProgramReviewRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordReview}: stores the review in {@code program_review} with the active
 * rate of program and holdout and the lift between them.
 */
@Component("recordProgramReview")
public class RecordProgramReviewDelegate implements JavaDelegate {

    private final HandoffLedger ledger;

    public RecordProgramReviewDelegate(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        long members = PROGRAM_MEMBERS.get(execution);
        long holdout = HOLDOUT_MEMBERS.get(execution);
        long active = ACTIVE_BASE.get(execution);
        long holdoutActive = HOLDOUT_ACTIVE_BASE.get(execution);
        Double rate = members > 0 ? (double) active / members : null;
        Double holdoutRate = holdout > 0 ? (double) holdoutActive / holdout : null;
        Double lift = rate != null && holdoutRate != null && holdoutRate > 0 ? (rate - holdoutRate) / holdoutRate : null;
        int number = ledger.nextReviewNumber(businessKey);
        ledger.programReviewed(new ProgramReviewRecord(businessKey, number, LedgerClock.now(),
                CampaignVariables.REVIEWER.get(execution), members, holdout, active, holdoutActive,
                TRANSACTIONS.get(execution), HOLDOUT_TRANSACTIONS.get(execution), FIRST_PURCHASES.get(execution),
                HOLDOUT_FIRST_PURCHASES.get(execution), WON_BACK.get(execution), HOLDOUT_WON_BACK.get(execution),
                LAPSED.get(execution), HOLDOUT_LAPSED.get(execution), rate, holdoutRate, lift,
                OPTIMIZATION_DECISION.get(execution), (int) ProgramCycle.weeks(execution), LEARNINGS.get(execution)));
        REVIEW_NUMBER.set(execution, (long) number);
        ACTIVE_LIFT.set(execution, lift);
    }
}
