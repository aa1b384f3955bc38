package dev.baton.gate;

import static dev.baton.gate.GateVariables.DECISION_ACCEPT;
import static dev.baton.gate.GateVariables.DECISION_RETURN;
import static dev.baton.gate.GateVariables.GATE_ATTEMPT;
import static dev.baton.gate.GateVariables.HANDED_OVER_AT;
import static dev.baton.gate.GateVariables.HANDED_OVER_BY;
import static dev.baton.gate.GateVariables.HANDED_OVER_PASS;
import static dev.baton.gate.GateVariables.HANDOFF_DECISION;
import static dev.baton.gate.GateVariables.HANDOFF_HISTORY;
import static dev.baton.gate.GateVariables.HANDOFF_QUALITY;
import static dev.baton.gate.GateVariables.RECENT_LEARNINGS;
import static dev.baton.gate.GateVariables.RETURNED_BY;
import static dev.baton.gate.GateVariables.RETURNED_REASON;
import static dev.baton.gate.GateVariables.RETURNED_TO_SENDER;
import static dev.baton.gate.GateVariables.RETURN_REASON;
import static dev.baton.gate.GateVariables.REVIEW_PENDING;
import static dev.baton.gate.GateVariables.SUBJECT_CODE;

import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.EscalationActionRecord;
import dev.baton.ledger.HandoffRecord;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * The gate pattern: what happens when a gate opens, is claimed, completed or cancelled. Works
 * for any user task declared as a gate in any model; it knows no gate and no model variable by
 * name: submissions are checked against the gate's deployed form and the checks the model names,
 * the subject comes from the model's {@link GateSubject}, and what others should hear is published
 * as {@link GateEvents}.
 */
@Service
public class GateService {

    static final int RECENT_LEARNINGS_SHOWN = 5;
    static final int LEARNING_SHOWN = 500;
    /** A returned reason is at most 2,000 characters; escaped it still fits one form variable. */
    static final int RETURNED_REASON_SHOWN = 2000;

    private final HandoffLedger ledger;
    private final GateSla sla;
    private final Accountability accountability;
    private final GateSubject subject;
    private final GateEvents events;
    private final Map<String, GateCheck> checks;
    private final FormValidator forms = new FormValidator();

    public GateService(HandoffLedger ledger, GateSla sla, Accountability accountability, GateSubject subject,
                       GateEvents events, List<GateCheck> checks) {
        this.ledger = ledger;
        this.sla = sla;
        this.accountability = accountability;
        this.subject = subject;
        this.events = events;
        this.checks = checks.stream().collect(Collectors.toUnmodifiableMap(GateCheck::name, Function.identity()));
    }

    /**
     * A gate opens: its attempt in the ledger, its due date and name, and the baton-arrived event.
     * Nothing is stored in the task's variables: the context its form shows is computed from the
     * ledger when the form is read ({@link #addFormContext}).
     */
    public void opened(DelegateTask task) {
        GateDefinition gate = gateOf(task);
        String businessKey = businessKey(task);
        OffsetDateTime due = sla.dueAt(task, gate.key());
        task.setDueDate(Date.from(due.toInstant()));
        int attempt = ledger.gateOpened(businessKey, task.getProcessInstanceId(), gate.key(), task.getId(),
                gate.team(), task.getAssignee(), due);
        boolean returnedToSender = attempt > 1
                && ledger.lastHandoff(businessKey, gate.key()).filter(HandoffRecord::returned).isPresent();
        String name = subject.name(process(task));
        task.setName(taskName(task, name, attempt, returnedToSender));
        events.publish(new GateEvents.BatonArrived(task, gate, name, due, returnedToSender));
    }

    /**
     * What a gate's form shows besides the process's own variables, added to the variables the
     * form reads (only those asked for, when the caller names them): the attempt, who returned the
     * baton and why, the handoffs so far, recent learnings where the gate shows them, and whether
     * a review is pending. A pending review starts blank: the review fields of an earlier gate are
     * not offered as this one's answers.
     */
    public void addFormContext(String taskId, java.util.Collection<String> names, VariableMap variables) {
        TaskEntity task = org.camunda.bpm.engine.impl.context.Context.getCommandContext().getTaskManager().findTaskById(taskId);
        GateDefinition gate = task == null || task.getExecution() == null ? null
                : GateParseListener.gateOf(activity(task));
        if (gate == null) {
            return;
        }
        String businessKey = businessKey(task);
        List<HandoffRecord> handoffs = ledger.handoffs(businessKey);
        Map<String, TypedValue> context = new java.util.LinkedHashMap<>();
        context.put(SUBJECT_CODE.name(), Variables.stringValue(businessKey));
        context.put(GateVariables.SUBJECT_SUMMARY.name(), Variables.stringValue(subject.summary(process(task))));
        long attempt = ledger.gateAttempt(taskId).orElse(1);
        context.put(GATE_ATTEMPT.name(), Variables.longValue(attempt));
        Optional<HandoffRecord> returned = latest(handoffs, gate.key()).filter(HandoffRecord::returned);
        boolean returnedToSender = returned.isPresent() && attempt > 1;
        context.put(RETURNED_TO_SENDER.name(), Variables.booleanValue(returnedToSender));
        if (returnedToSender) {
            context.put(RETURNED_BY.name(), Variables.stringValue(returned.get().receiver()));
            context.put(RETURNED_REASON.name(), Variables.stringValue(
                    FormText.escaped(returned.get().returnReason(), RETURNED_REASON_SHOWN)));
        }
        context.put(HANDOFF_HISTORY.name(), Variables.stringValue(HandoffHistory.markdown(handoffs, gateNames(task))));
        if (attempt > 1) {
            context.put(GateVariables.EARLIER_COMMENTS.name(), Variables.stringValue(earlierComments(businessKey, gate, attempt)));
        }
        if (gate.showsLearnings()) {
            context.put(RECENT_LEARNINGS.name(), Variables.stringValue(learnings(task, businessKey)));
        }
        if (gate.receivesHandoff()) {
            Optional<HandoffRecord> received = latest(handoffs, gate.receivesFrom());
            received.ifPresent(h -> {
                context.put(HANDED_OVER_BY.name(), Variables.stringValue(h.sender()));
                context.put(HANDED_OVER_PASS.name(), Variables.longValue((long) h.attempt()));
                context.put(HANDED_OVER_AT.name(), Variables.stringValue(PeopleDates.format(h.sentAt().toInstant())));
            });
            boolean pending = received.filter(h -> h.decision() == null).isPresent();
            context.put(REVIEW_PENDING.name(), Variables.booleanValue(pending));
            if (pending) {
                for (ProcessVariable<?> review : List.of(HANDOFF_DECISION, HANDOFF_QUALITY, RETURN_REASON)) {
                    context.put(review.name(), Variables.untypedNullValue());
                }
            }
        }
        context.forEach((name, value) -> {
            if (names == null || names.contains(name)) {
                variables.putValueTyped(name, value);
            }
        });
    }

    /** Gate keys to the names people know them by, from the task's process definition. */
    private static Map<String, String> gateNames(TaskEntity task) {
        Map<String, String> names = new java.util.HashMap<>();
        for (var activity : task.getProcessDefinition().getActivities()) {
            GateDefinition gate = GateParseListener.gateOf(activity);
            if (gate != null && gate.name() != null) {
                names.putIfAbsent(gate.key(), gate.name());
            }
        }
        return names;
    }

    /** Comments on the gate's earlier attempts follow the baton: people see what was said last time. */
    private String earlierComments(String businessKey, GateDefinition gate, long attempt) {
        return EarlierComments.markdown(ledger.commentsOnEarlierAttempts(businessKey, gate.key(), attempt));
    }

    /**
     * Records who holds the gate. Usually one statement, which also applies the team rule and, on a
     * reviewing gate, four eyes; when it records nothing, each rule is asked in turn to say why.
     */
    public void claimed(DelegateTask task) {
        GateDefinition gate = gateOf(task);
        String assignee = task.getAssignee();
        String reviewOf = assignee != null && gate.receivesHandoff() && gate.checks().contains(FourEyesCheck.NAME)
                ? gate.receivesFrom() : null;
        if (assignee != null && TeamAssignmentCheck.checkedByClaimStatement(task)) {
            if (ledger.gateClaimedByTeamMember(businessKey(task), task.getId(), assignee, reviewOf)) {
                return;
            }
            TeamAssignmentCheck.check(task);
        }
        if (reviewOf != null) {
            ledger.gateClaimedUnlessSender(businessKey(task), task.getId(), assignee, reviewOf)
                    .ifPresent(pending -> FourEyesCheck.checkHolder(pending, assignee));
            return;
        }
        ledger.gateClaimed(task.getId(), assignee);
    }

    // --- what a project manager may do about an overdue gate, from its escalation ------------

    /** Reminds the team holding the gate and its accountable person; recorded in the ledger. */
    public void remind(String taskId, String actor) {
        TaskEntity task = openGate(taskId);
        GateDefinition gate = gateOf(task);
        ledger.escalationAction(businessKey(task), taskId, EscalationActionRecord.REMIND, actor, null, null, null);
        events.publish(new GateEvents.GateReminded(task, gate, subject.name(process(task)), actor,
                accountability.accountableFor(process(task), gate.team())));
    }

    /** Hands the gate to a member of its team (checked as any assignment is); recorded in the ledger. */
    public void reassign(String taskId, String assignee, String actor) {
        TaskEntity task = openGate(taskId);
        var context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        // project managers have no task permissions of their own: the escalation is their way in
        context.runWithoutAuthorization(() -> {
            context.getProcessEngineConfiguration().getTaskService().setAssignee(taskId, assignee);
            return null;
        });
        ledger.escalationAction(businessKey(task), taskId, EscalationActionRecord.REASSIGN, actor, assignee, null, null);
        events.publish(new GateEvents.GateReassigned(task, gateOf(task), subject.name(process(task)), actor, assignee));
    }

    /** Gives the gate a new due date with a reason; the SLA breach already recorded stays. */
    public void extend(String taskId, java.time.LocalDate day, String reason, String actor) {
        TaskEntity task = openGate(taskId);
        OffsetDateTime due = sla.dueOn(day);
        if (!due.toInstant().isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())) {
            throw new SubmissionRejectedException("newDueDate", "a day after today expected (due " + PeopleDates.format(
                    due.toInstant()) + " would already have passed)");
        }
        task.setDueDate(Date.from(due.toInstant()));
        ledger.escalationAction(businessKey(task), taskId, EscalationActionRecord.EXTEND, actor, null, due, reason);
        GateDefinition gate = gateOf(task);
        events.publish(new GateEvents.GateDueDateMoved(task, gate, subject.name(process(task)), actor, due, reason,
                accountability.accountableFor(process(task), gate.team())));
    }

    private static TaskEntity openGate(String taskId) {
        TaskEntity task = taskId == null ? null
                : org.camunda.bpm.engine.impl.context.Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw new SubmissionRejectedException("overdueAction", "the overdue gate was completed or cancelled meanwhile; "
                    + "close this escalation instead");
        }
        return task;
    }

    public void cancelled(DelegateTask task) {
        ledger.gateCancelled(task.getId());
    }

    /** Checks the submission and records it; a refusal throws before anything is written. */
    public void completed(DelegateTask task) {
        GateDefinition gate = gateOf(task);
        String at = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) task.getExecution()).getActivityId();
        if (at != null && !at.equals(task.getTaskDefinitionKey())) {
            // read after a concurrent completion committed: the process has moved on from this task;
            // without this the stale completion would evaluate the next gate's conditions (500)
            throw new org.camunda.bpm.engine.OptimisticLockingException("the gate '" + task.getName()
                    + "' was completed meanwhile: the campaign is at " + at + " now");
        }
        String businessKey = businessKey(task);
        String completer = completer(task);

        HandoffRecord pending = gate.receivesHandoff()
                ? ledger.pendingHandoff(businessKey, gate.receivesFrom()).orElse(null) : null;
        if (gate.receivesHandoff() && pending == null) {
            passOnRework(task, gate);
        }
        Map<String, Object> values = submission(task, pending != null);
        boolean returning = pending != null && DECISION_RETURN.equals(HANDOFF_DECISION.get(values));
        DeployedForm form = forms.forms().ofTask((TaskEntity) task, org.camunda.bpm.engine.impl.context.Context.getCommandContext());
        try {
            FormValidator.validate(form, values);
            GateSubmission submission = new GateSubmission(gate, values, pending, completer, returning);
            for (String name : gate.checks()) {
                check(name, gate).check(submission);
            }
        } catch (SubmissionRejectedException refused) {
            // told with the label the person sees on this gate's form
            throw refused.labelled(form.labelOf(refused.field()));
        }
        if (pending != null) {
            Long quality = HANDOFF_QUALITY.get(values);
            ledger.handoffDecided(pending, !returning, completer, quality == null ? null : quality.intValue(),
                    RETURN_REASON.get(values));
            if (returning) {
                String sentFrom = gateNames((TaskEntity) task).getOrDefault(pending.fromGate(), pending.fromGate());
                events.publish(new GateEvents.HandoffReturned(task, pending, sentFrom, subject.name(process(task)), completer, quality,
                        RETURN_REASON.get(values)));
            }
        }
        ledger.gateCompleted(task.getId(), completer);
        if (!returning) {
            GateDefinition receiver = receiverOf(task);
            if (receiver != null) {
                ledger.handoffSent(businessKey, gate.key(), task.getId(), receiver.key(),
                        gate.team(), receiver.team(), completer, accountability.accountableFor(process(task), gate.team()));
            }
        }
    }

    /**
     * What the gate's form rules and checks judge: the process's variables (what earlier gates
     * handed over, for the checks and the form's conditions) with the values submitted now on
     * top; the review fields count only as submitted now, never as left by an earlier gate.
     */
    private static Map<String, Object> submission(DelegateTask task, boolean reviewPending) {
        // the process's variables (a gate stores none of its own)
        Map<String, Object> values = new java.util.HashMap<>(process(task).getVariables());
        for (ProcessVariable<?> review : List.of(HANDOFF_DECISION, HANDOFF_QUALITY, RETURN_REASON)) {
            values.remove(review.name());
        }
        values.putAll(SubmittedValues.current());
        values.put(REVIEW_PENDING.name(), reviewPending);
        return values;
    }

    private GateCheck check(String name, GateDefinition gate) {
        GateCheck check = checks.get(name);
        if (check == null) {
            throw new IllegalStateException("Gate '" + gate.key() + "' names the check '" + name + "', but there is none; "
                    + "known checks: " + String.join(", ", new java.util.TreeSet<>(checks.keySet())));
        }
        return check;
    }

    /**
     * A receiving gate reopened because a later gate returned its own work: the handoff it
     * received was accepted before, so there is nothing to review and it passes on as accepted.
     */
    private void passOnRework(DelegateTask task, GateDefinition gate) {
        if (DECISION_RETURN.equals(HANDOFF_DECISION.get(SubmittedValues.current()))) {
            throw new SubmissionRejectedException(HANDOFF_DECISION.name(),
                    "there is no pending handoff from " + gate.receivesFrom()
                            + " to return: it was accepted before; this attempt reworks the " + gate.key() + " gate");
        }
        HANDOFF_DECISION.set(task, DECISION_ACCEPT);
    }

    /** The latest pass from a gate, out of the campaign's handoffs (read once per gate opening). */
    private static Optional<HandoffRecord> latest(List<HandoffRecord> handoffs, String fromGate) {
        return handoffs.stream().filter(h -> h.fromGate().equals(fromGate)).max(Comparator.comparingInt(HandoffRecord::attempt));
    }

    /** Test and learn: what other subjects of the same kind learnt, newest first. */
    private String learnings(DelegateTask task, String businessKey) {
        StringBuilder text = new StringBuilder();
        for (String[] l : ledger.recentLearnings(subject.kind(process(task)), businessKey, RECENT_LEARNINGS_SHOWN)) {
            text.append("- **").append(FormText.escaped(l[0], 120)).append("** (").append(l[2]).append("): ")
                    .append(FormText.escaped(l[1], LEARNING_SHOWN)).append('\n');
        }
        return FormText.bounded(text.toString(), "- …");
    }

    /** What Tasklist lists: the gate and the subject, and whether the baton came back. */
    private static String taskName(DelegateTask task, String subjectName, int attempt, boolean returned) {
        String name = task.getName() + " – " + subjectName;
        return returned ? name + " (returned, attempt " + attempt + ")" : name;
    }

    /** Whoever completes the gate: the logged-in user (Tasklist, authenticated REST), else the assignee. */
    private static String completer(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new SubmissionRejectedException("assignee",
                "claim the task before completing it: the ledger records who took each gate decision");
    }

    /** The gate that receives this one's handoff, as the parse listener linked them. */
    private static GateDefinition receiverOf(DelegateTask task) {
        return (GateDefinition) activity(task).getProperty(GateParseListener.RECEIVER);
    }

    static GateDefinition gateOf(DelegateTask task) {
        GateDefinition gate = GateParseListener.gateOf(activity(task));
        if (gate == null) {
            throw new IllegalStateException("The gate listener is attached to " + task.getTaskDefinitionKey()
                    + ", which declares no " + GateDefinition.PROPERTY_GATE + " property");
        }
        return gate;
    }

    private static ActivityImpl activity(DelegateTask task) {
        return ((ExecutionEntity) task.getExecution()).getProcessDefinition().findActivity(task.getTaskDefinitionKey());
    }

    private static ActivityImpl activity(TaskEntity task) {
        return task.getExecution().getProcessDefinition().findActivity(task.getTaskDefinitionKey());
    }

    /**
     * Where a gate reads the campaign's variables: the process, not the task. A gate keeps no
     * variables of its own, and the engine asks the database for a task's variables on the first
     * read through the task (one query per gate opening and completion for nothing).
     */
    private static org.camunda.bpm.engine.delegate.VariableScope process(DelegateTask task) {
        return task.getExecution();
    }

    private static String businessKey(TaskEntity task) {
        return task.getExecution().getProcessBusinessKey();
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
