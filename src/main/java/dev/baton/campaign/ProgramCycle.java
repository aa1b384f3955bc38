package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.REVIEW_CYCLE_WEEKS;

import dev.baton.ledger.LedgerClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the next optimisation review is due: {@code ${programCycle.nextReview(execution)}}. */
@Component("programCycle")
public class ProgramCycle {

    public Date nextReview(DelegateExecution execution) {
        return Date.from(LedgerClock.now().plusWeeks(weeks(execution)).toInstant());
    }

    public static long weeks(DelegateExecution execution) {
        Long weeks = REVIEW_CYCLE_WEEKS.get(execution);
        return weeks == null ? AutomatedCampaignLifecycleProcess.DEFAULT_REVIEW_CYCLE_WEEKS : weeks;
    }
}
