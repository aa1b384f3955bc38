package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.ACTIVE_BASE;
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
import static dev.baton.campaign.CampaignVariables.REVIEW_CYCLE_WEEKS;
import static dev.baton.campaign.CampaignVariables.TRANSACTIONS;
import static dev.baton.campaign.CampaignVariables.WON_BACK;

import dev.baton.gate.FieldRules;
import dev.baton.gate.ProcessVariable;
import dev.baton.gate.SubmissionRejectedException;
import dev.baton.ledger.LedgerRepository;
import dev.baton.gate.GateVariables;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On {@code UserTask_OptimizationReview}: names the task after the program, shows the previous
 * review and the lift trend, and clears last cycle's figures; and checks the
 * review: counts are whole numbers within the group sizes, a decision, the next cycle, learnings.
 */
@Component("optimizationReviewListener")
public class OptimizationReviewListener implements TaskListener {

    /** The previous review's figures and the lift trend, for this review's form (one task variable). */
    public static final ProcessVariable<String> PREVIOUS_REVIEWS = ProcessVariable.text("previousReviews");

    private static final java.util.List<ProcessVariable<?>> CYCLE_FIGURES = java.util.List.of(PROGRAM_MEMBERS,
            HOLDOUT_MEMBERS, ACTIVE_BASE, HOLDOUT_ACTIVE_BASE, TRANSACTIONS, HOLDOUT_TRANSACTIONS, FIRST_PURCHASES,
            HOLDOUT_FIRST_PURCHASES, WON_BACK, HOLDOUT_WON_BACK, LAPSED, HOLDOUT_LAPSED, OPTIMIZATION_DECISION, LEARNINGS);

    private static final Set<String> DECISIONS = Set.of(AutomatedCampaignLifecycleProcess.KEEP,
            AutomatedCampaignLifecycleProcess.ITERATE, AutomatedCampaignLifecycleProcess.RETIRE);

    private final LedgerRepository ledger;
    private final CampaignSubject subject;

    public OptimizationReviewListener(LedgerRepository ledger, CampaignSubject subject) {
        this.ledger = ledger;
        this.subject = subject;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(task.getName() + " – " + CampaignSubject.codeAndName(task));
            GateVariables.SUBJECT_CODE.setLocal(task, CampaignSubject.code(task));
            GateVariables.SUBJECT_SUMMARY.setLocal(task, subject.summary(task));
            String previous = ProgramReviewSummary.markdown(ledger.programReviews(CampaignSubject.code(task)));
            if (previous != null) {
                PREVIOUS_REVIEWS.setLocal(task, previous);
            }
            // each review starts blank: last cycle's figures must not be submitted again by accident
            for (ProcessVariable<?> figure : CYCLE_FIGURES) {
                figure.remove(task);
            }
            return;
        }
        Map<String, Object> values = task.getVariables();
        long members = FieldRules.wholeNumber(values, PROGRAM_MEMBERS, 1, Long.MAX_VALUE);
        long holdout = FieldRules.wholeNumber(values, HOLDOUT_MEMBERS, 0, Long.MAX_VALUE);
        for (var field : java.util.List.of(ACTIVE_BASE, FIRST_PURCHASES, WON_BACK, LAPSED)) {
            FieldRules.wholeNumber(values, field, 0, members);
        }
        for (var field : java.util.List.of(HOLDOUT_ACTIVE_BASE, HOLDOUT_FIRST_PURCHASES, HOLDOUT_WON_BACK, HOLDOUT_LAPSED)) {
            FieldRules.wholeNumber(values, field, 0, holdout);
        }
        FieldRules.wholeNumber(values, TRANSACTIONS, 0, Long.MAX_VALUE);
        FieldRules.wholeNumber(values, HOLDOUT_TRANSACTIONS, 0, Long.MAX_VALUE);
        FieldRules.oneOf(values, OPTIMIZATION_DECISION, DECISIONS);
        FieldRules.wholeNumber(values, REVIEW_CYCLE_WEEKS, 1, 52);
        FieldRules.requiredText(values, LEARNINGS, FieldRules.LONG_TEXT);
        if (holdout == 0) {
            throw new SubmissionRejectedException(HOLDOUT_MEMBERS.name(),
                    "the standing holdout is empty: without it the program cannot be measured");
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        CampaignVariables.REVIEWER.set(task, authentication != null && authentication.getUserId() != null
                ? authentication.getUserId() : task.getAssignee());
    }
}
