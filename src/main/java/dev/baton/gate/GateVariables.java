package dev.baton.gate;

import static dev.baton.gate.ProcessVariable.flag;
import static dev.baton.gate.ProcessVariable.text;
import static dev.baton.gate.ProcessVariable.wholeNumber;

/**
 * The variables of the gate pattern itself, whatever the model: the review at the top of every
 * receiving gate's form, the context a gate's form shows (task-local), and what the SLA watch tells
 * the overdue escalation. A model's own variables live with the model (campaign.CampaignVariables).
 */
public final class GateVariables {

    public static final String DECISION_ACCEPT = "accept";
    public static final String DECISION_RETURN = "return";

    // the review of the handoff received
    public static final ProcessVariable<String> HANDOFF_DECISION = text("handoffDecision");
    public static final ProcessVariable<Long> HANDOFF_QUALITY = wholeNumber("handoffQuality");
    public static final ProcessVariable<String> RETURN_REASON = text("returnReason");

    // the gate's context, computed when the form is read
    /** The code people search for and quote: the process's business key (e.g. the campaign code). */
    public static final ProcessVariable<String> SUBJECT_CODE = text("subjectCode");
    /** What the subject is, in one line of Markdown for the form's header ({@link GateSubject#summary}). */
    public static final ProcessVariable<String> SUBJECT_SUMMARY = text("subjectSummary");
    public static final ProcessVariable<Long> GATE_ATTEMPT = wholeNumber("gateAttempt");
    public static final ProcessVariable<Boolean> RETURNED_TO_SENDER = flag("returnedToSender");
    public static final ProcessVariable<String> RETURNED_BY = text("returnedBy");
    public static final ProcessVariable<String> RETURNED_REASON = text("returnedReason");
    /** The subject's handoffs so far, as Markdown for the form. */
    public static final ProcessVariable<String> HANDOFF_HISTORY = text("handoffHistory");
    /** Comments people left in Tasklist on this gate's earlier attempts, as Markdown (rework attempts only). */
    public static final ProcessVariable<String> EARLIER_COMMENTS = text("earlierComments");
    /** Who handed over what a receiving gate works on, which pass of it this is, and when (PeopleDates). */
    public static final ProcessVariable<String> HANDED_OVER_BY = text("handedOverBy");
    public static final ProcessVariable<Long> HANDED_OVER_PASS = wholeNumber("handedOverPass");
    public static final ProcessVariable<String> HANDED_OVER_AT = text("handedOverAt");
    /** True when a handoff waits for this gate's review (false on rework attempts). */
    public static final ProcessVariable<Boolean> REVIEW_PENDING = flag("reviewPending");
    /** On a gate declared with baton.showsLearnings: recent learnings of the same kind, as Markdown. */
    public static final ProcessVariable<String> RECENT_LEARNINGS = text("recentLearnings");

    // what the SLA watch hands to the overdue escalation
    public static final ProcessVariable<String> OVERDUE_GATE = text("overdueGate");
    public static final ProcessVariable<String> OVERDUE_GATE_NAME = text("overdueGateName");
    public static final ProcessVariable<String> OVERDUE_TEAM = text("overdueTeam");
    public static final ProcessVariable<String> OVERDUE_ACCOUNTABLE = text("overdueAccountable");
    /** When the gate was due, as people read it (PeopleDates). */
    public static final ProcessVariable<String> OVERDUE_DUE_AT = text("overdueDueAt");
    public static final ProcessVariable<String> OVERDUE_TASK_ID = text("overdueTaskId");

    private GateVariables() {
    }
}
