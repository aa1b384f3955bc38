package dev.baton.notification;

import dev.baton.BatonProperties;
import dev.baton.gate.GateDefinition;
import dev.baton.gate.GateEvents;
import dev.baton.gate.GateSubject;
import dev.baton.gate.PeopleDates;
import dev.baton.gate.Raci;
import dev.baton.ledger.HandoffRecord;
import dev.baton.ledger.LedgerClock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * Who hears about which baton, and what the mail says. Writes to the outbox inside the engine
 * transaction of the event; the {@link OutboxSender} sends later. Short, plain messages with a
 * link to the task in Tasklist; the campaign's link is added per recipient ({@link CampaignLinks}).
 */
@Service
public class Notifications implements GateEvents.Listener {

    private final NotificationOutbox outbox;
    private final GateSubject subject;
    private final String baseUrl;
    /** The group that hears of every overdue gate (baton.notifications.escalate-to). */
    private final String escalateTo;

    public Notifications(NotificationOutbox outbox, GateSubject subject, BatonProperties properties) {
        this.outbox = outbox;
        this.subject = subject;
        this.baseUrl = properties.notifications().baseUrl().replaceAll("/+$", "");
        this.escalateTo = properties.notifications().escalateTo();
    }

    @Override
    public void on(GateEvents.BatonArrived event) {
        batonArrived(event.task(), event.gate(), event.subject(), event.due(), event.returned());
    }

    @Override
    public void on(GateEvents.HandoffReturned event) {
        handoffReturned(event.task(), event.handoff(), event.fromGateName(), event.subject(), event.returnedBy(), event.quality(),
                event.reason());
    }

    @Override
    public void on(GateEvents.GateOverdue event) {
        slaBreached(event.execution(), event.gate(), event.subject(), event.taskId(), event.accountable(), event.due());
    }

    @Override
    public void on(GateEvents.GateReminded event) {
        gateReminded(event.task(), event.gate(), event.subject(), event.remindedBy(), event.accountable());
    }

    @Override
    public void on(GateEvents.GateReassigned event) {
        DelegateTask task = event.task();
        String subject = "[Baton] " + event.gate().name() + " – " + event.subject() + " is now yours";
        String body = event.reassignedBy() + " handed you the gate \"" + event.gate().name() + "\" of campaign "
                + event.subject() + ": it is overdue (due " + (task.getDueDate() == null ? "earlier"
                : PeopleDates.format(task.getDueDate().toInstant())) + ") and waits for you.\n\n"
                + "Open the task: " + taskLink(task.getId()) + "\n";
        write(NotificationKind.GATE_REASSIGNED, task, List.of(event.assignee()), subject, body);
    }

    @Override
    public void on(GateEvents.GateDueDateMoved event) {
        DelegateTask task = event.task();
        String subject = "[Baton] New due date: " + event.gate().name() + " – " + event.subject();
        String body = event.movedBy() + " gave the gate \"" + event.gate().name() + "\" of campaign " + event.subject()
                + " a new due date: " + PeopleDates.format(event.due().toInstant()) + ". Why: " + event.reason()
                + "\nThe missed due date stays recorded as an SLA breach.\n\n"
                + "Open the task: " + taskLink(task.getId()) + "\n";
        List<String> parties = new ArrayList<>();
        parties.add(event.gate().team());
        parties.add(event.accountable());
        write(NotificationKind.GATE_DUE_DATE_MOVED, task, parties, subject, body);
    }

    /** The team holding an overdue gate and its accountable person: a project manager asks for it. */
    void gateReminded(DelegateTask task, GateDefinition gate, String campaign, String remindedBy, String accountable) {
        String subject = "[Baton] Reminder: " + gate.name() + " – " + campaign + " is overdue (team " + gate.team() + ")";
        String body = remindedBy + " reminds team " + gate.team() + " of the gate \"" + gate.name() + "\" of campaign "
                + campaign + ": it was due " + (task.getDueDate() == null ? "earlier"
                : PeopleDates.format(task.getDueDate().toInstant())) + " and is still open"
                + (task.getAssignee() == null ? ", unclaimed" : ", with " + task.getAssignee()) + ".\n\n"
                + "The gate: " + taskLink(task.getId()) + "\n";
        List<String> parties = new ArrayList<>();
        parties.add(gate.team());
        parties.add(accountable);
        write(NotificationKind.GATE_REMINDER, task, parties, subject, body);
    }

    /** The receiving team: a baton has arrived at its gate. */
    void batonArrived(DelegateTask task, GateDefinition gate, String campaign, OffsetDateTime due, boolean returned) {
        String subject = "[Baton] " + gate.name() + " – " + campaign + (returned ? " (returned to you)" : "")
                + " is waiting for " + gate.team();
        String body = "The campaign " + campaign + " has reached the gate \"" + gate.name()
                + "\" of team " + gate.team() + ". It is due " + PeopleDates.format(due.toInstant()) + ".\n\n"
                + "Open the task: " + taskLink(task.getId()) + "\n";
        write(NotificationKind.BATON_ARRIVED, task, List.of(gate.team()), subject, body);
    }

    /** The sender and the accountable person: their handoff came back, with the reason. */
    void handoffReturned(DelegateTask task, HandoffRecord handoff, String fromGateName, String campaign, String returnedBy,
                         Long quality, String reason) {
        String subject = "[Baton] Returned: " + fromGateName + " – " + campaign + " (by " + returnedBy + ")";
        String body = returnedBy + " (team " + handoff.toTeam() + ") returned \"" + fromGateName + "\" of campaign "
                + campaign + (quality == null ? "" : ", quality " + quality + "/5") + ":\n\n"
                + "  " + reason + "\n\nYour team's task is in Tasklist under \"Returned to me\": " + tasklistLink() + "\n";
        List<String> parties = new ArrayList<>();
        parties.add(handoff.sender());
        parties.add(handoff.accountable());
        write(NotificationKind.HANDOFF_RETURNED, task, parties, subject, body);
    }

    /** The accountable person and the project managers: a gate breached its SLA. */
    void slaBreached(DelegateExecution execution, GateDefinition gate, String campaign, String taskId, String accountable,
                     java.util.Date due) {
        String subject = "[Baton] Overdue: " + gate.name() + " – " + campaign + " (team " + gate.team() + ")";
        String body = "The gate \"" + gate.name() + "\" of campaign " + campaign
                + " was due " + (due == null ? "earlier" : PeopleDates.format(due.toInstant())) + " and is still open with team " + gate.team()
                + ". Accountable: " + (accountable == null ? "no lead named" : accountable) + ".\n\n"
                + (taskId == null ? "" : "The gate: " + taskLink(taskId) + "\n");
        List<String> parties = new ArrayList<>();
        parties.add(accountable);
        parties.add(escalateTo);
        write(NotificationKind.SLA_BREACHED, execution, parties, subject, body);
    }

    /** The informed parties of the launch step: the campaign is live. */
    public void campaignLaunched(DelegateExecution execution, java.util.Date measurementEnds) {
        String campaign = campaign(execution);
        String subject = "[Baton] Launched: " + campaign;
        String body = "The campaign " + campaign + " has launched. "
                + "Its measurement window closes " + PeopleDates.format(measurementEnds.toInstant()) + ".\n\n";
        write(NotificationKind.CAMPAIGN_LAUNCHED, execution, informed(execution), subject, body);
    }

    /** The informed parties of the read-out: the result against control. */
    public void resultReadOut(DelegateExecution execution, Double lift, Double pValue, String nextAction, String learnings) {
        String campaign = campaign(execution);
        String liftText = lift == null ? "no lift (no control conversions)" : String.format(java.util.Locale.ROOT,
                "lift %+.1f%% against control", lift * 100);
        String subject = "[Baton] Results: " + campaign + ", " + liftText;
        String body = "The results of campaign " + campaign + " are read out: "
                + liftText + (pValue == null ? "" : String.format(java.util.Locale.ROOT, ", p = %.3f", pValue))
                + ". Next action: " + nextAction + ".\n\nLearnings: " + learnings + "\n\n";
        write(NotificationKind.RESULT_READ_OUT, execution, informed(execution), subject, body);
    }

    private static List<String> informed(DelegateExecution execution) {
        Raci raci = Raci.of((FlowElement) execution.getBpmnModelElementInstance());
        return raci == null ? List.of() : raci.informed();
    }

    /**
     * One outbox row for the event, whoever it concerns: groups are resolved to their members,
     * addresses and opt-outs when the outbox is sent ({@link NotificationFanOut}), not in the
     * gate's transaction.
     */
    private void write(NotificationKind kind, VariableScope scope, Collection<String> parties,
                       String subject, String body) {
        String businessKey = scope instanceof DelegateTask t ? businessKey(t) : ((DelegateExecution) scope).getProcessBusinessKey();
        List<String> concerned = parties.stream().filter(Objects::nonNull).distinct().toList();
        if (!concerned.isEmpty()) {
            outbox.addEvent(kind, businessKey, concerned, subject, body, LedgerClock.now());
        }
    }

    private String campaign(VariableScope scope) {
        return subject.name(scope);
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    String taskLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    String tasklistLink() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

}
