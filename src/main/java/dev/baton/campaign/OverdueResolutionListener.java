package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CANCELLATION_REASON;
import static dev.baton.campaign.CampaignVariables.EXTENSION_REASON;
import static dev.baton.campaign.CampaignVariables.NEW_DUE_DATE;
import static dev.baton.campaign.CampaignVariables.OVERDUE_ACTION;
import static dev.baton.campaign.CampaignVariables.OVERDUE_TASK_ID;
import static dev.baton.campaign.CampaignVariables.REASSIGN_TO;

import dev.baton.gate.FieldRules;
import dev.baton.gate.GateService;
import dev.baton.gate.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On {@code UserTask_ResolveOverdueGate}: names the task after the overdue gate and campaign (so
 * several escalations can be told apart in Tasklist), and carries out the project manager's
 * decision in the same transaction: remind the team, reassign the gate to a team member, give it
 * a new due day with a reason (each recorded in the ledger), close the escalation, or cancel the
 * campaign with a reason (the model's path).
 */
@Component("overdueResolutionListener")
public class OverdueResolutionListener implements TaskListener {

    private static final Set<String> ACTIONS = Set.of(CampaignLifecycleProcess.OVERDUE_REMIND,
            CampaignLifecycleProcess.OVERDUE_REASSIGN, CampaignLifecycleProcess.OVERDUE_EXTEND,
            CampaignLifecycleProcess.OVERDUE_CHASE, CampaignLifecycleProcess.OVERDUE_CANCEL);
    private static final int REASON_LENGTH = 1000;

    private final GateService gates;

    public OverdueResolutionListener(GateService gates) {
        this.gates = gates;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("Overdue: " + CampaignVariables.OVERDUE_GATE_NAME.get(task) + " – "
                    + CampaignSubject.codeAndName(task));
            return;
        }
        var values = task.getVariables();
        String action = FieldRules.oneOf(values, OVERDUE_ACTION, ACTIONS);
        String gate = OVERDUE_TASK_ID.get(task);
        switch (action) {
            case CampaignLifecycleProcess.OVERDUE_CANCEL -> FieldRules.requiredText(values, CANCELLATION_REASON, REASON_LENGTH);
            case CampaignLifecycleProcess.OVERDUE_REMIND -> gates.remind(gate, actor(task));
            case CampaignLifecycleProcess.OVERDUE_REASSIGN -> {
                String to = FieldRules.requiredText(values, REASSIGN_TO, 64).strip();
                try {
                    gates.reassign(gate, to, actor(task));
                } catch (RuntimeException e) {
                    // the gate's assignment rules speak of "assignee": here it is this form's field
                    SubmissionRejectedException refused = dev.baton.Causes.find(e, SubmissionRejectedException.class)
                            .orElseThrow(() -> e);
                    throw new SubmissionRejectedException(REASSIGN_TO.name(), refused.rule()).labelled("Reassign to");
                }
            }
            case CampaignLifecycleProcess.OVERDUE_EXTEND ->
                    gates.extend(gate, day(FieldRules.requiredText(values, NEW_DUE_DATE, 10)),
                            FieldRules.requiredText(values, EXTENSION_REASON, REASON_LENGTH), actor(task));
            default -> {
                // chase: the escalation closes, the gate stays as it is
            }
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SubmissionRejectedException(NEW_DUE_DATE.name(), "a date as YYYY-MM-DD expected (was '" + text + "')");
        }
    }

    /** Who decides: the logged-in project manager, else the escalation's assignee. */
    private static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee();
        if (user == null) {
            throw new SubmissionRejectedException("assignee", "claim the escalation before acting on it: "
                    + "the ledger records who did what about an overdue gate");
        }
        return user;
    }
}
