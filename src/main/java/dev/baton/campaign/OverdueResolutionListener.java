package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CANCELLATION_REASON;
import static dev.baton.campaign.CampaignVariables.OVERDUE_ACTION;

import dev.baton.gate.FieldRules;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On {@code UserTask_ResolveOverdueGate}: names the task after the overdue gate and campaign (so
 * several escalations can be told apart in Tasklist), and checks the project manager's decision:
 * chase, or cancel with a reason.
 */
@Component("overdueResolutionListener")
public class OverdueResolutionListener implements TaskListener {

    private static final Set<String> ACTIONS =
            Set.of(CampaignLifecycleProcess.OVERDUE_CHASE, CampaignLifecycleProcess.OVERDUE_CANCEL);

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("Overdue: " + CampaignVariables.OVERDUE_GATE_NAME.get(task) + " – "
                    + CampaignSubject.codeAndName(task));
            return;
        }
        var values = task.getVariables();
        String action = FieldRules.oneOf(values, OVERDUE_ACTION, ACTIONS);
        if (CampaignLifecycleProcess.OVERDUE_CANCEL.equals(action)) {
            FieldRules.requiredText(values, CANCELLATION_REASON, 1000);
        }
    }
}
