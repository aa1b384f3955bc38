package dev.baton.campaign;

import static dev.baton.gate.ProcessVariable.date;
import static dev.baton.gate.ProcessVariable.decimal;
import static dev.baton.gate.ProcessVariable.flag;
import static dev.baton.gate.ProcessVariable.text;
import static dev.baton.gate.ProcessVariable.wholeNumber;

import dev.baton.gate.GateVariables;
import dev.baton.gate.ProcessVariable;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every variable of the campaign lifecycles, by name and type (DESIGN.md §1): the campaign's own,
 * and the gate pattern's (gate.GateVariables) under the same names. Form field keys are these
 * names; code never spells a variable name as a raw string.
 */
public final class CampaignVariables {

    // Campaign request (start form)
    public static final ProcessVariable<String> CAMPAIGN_NAME = text("campaignName");
    public static final ProcessVariable<String> CAMPAIGN_TYPE = text("campaignType");
    public static final ProcessVariable<String> CHANNEL = text("channel");
    public static final ProcessVariable<String> PLANNED_LAUNCH_DATE = text("plannedLaunchDate");
    public static final ProcessVariable<Long> ESTIMATED_AUDIENCE_SIZE = wholeNumber("estimatedAudienceSize");
    public static final ProcessVariable<String> STRATEGY_LEAD = text("strategyLead");
    public static final ProcessVariable<String> ANALYTICS_LEAD = text("analyticsLead");
    public static final ProcessVariable<String> EXECUTION_LEAD = text("executionLead");
    public static final ProcessVariable<String> CAMPAIGN_INITIATOR = text("campaignInitiator");
    public static final ProcessVariable<String> CAMPAIGN_OWNER = text("campaignOwner");

    // Control group policy (DMN ControlGroupPolicy, mapped by the business rule task)
    public static final ProcessVariable<Boolean> CONTROL_GROUP_REQUIRED = flag("controlGroupRequired");
    public static final ProcessVariable<Long> MIN_CONTROL_PERCENT = wholeNumber("minControlPercent");

    // Strategic brief
    public static final ProcessVariable<String> OBJECTIVE = text("objective");
    public static final ProcessVariable<String> PRIMARY_KPI = text("primaryKpi");
    public static final ProcessVariable<String> TARGET_AUDIENCE_DEFINITION = text("targetAudienceDefinition");
    public static final ProcessVariable<String> OFFER = text("offer");
    public static final ProcessVariable<String> SUCCESS_CRITERIA = text("successCriteria");

    // Handoff review, at the top of every receiving gate's form
    public static final ProcessVariable<String> HANDOFF_DECISION = GateVariables.HANDOFF_DECISION;
    public static final ProcessVariable<Long> HANDOFF_QUALITY = GateVariables.HANDOFF_QUALITY;
    public static final ProcessVariable<String> RETURN_REASON = GateVariables.RETURN_REASON;

    // Shown on a gate that was returned to its team (task-local)
    public static final ProcessVariable<Boolean> RETURNED_TO_SENDER = GateVariables.RETURNED_TO_SENDER;
    public static final ProcessVariable<String> RETURNED_BY = GateVariables.RETURNED_BY;
    public static final ProcessVariable<String> RETURNED_REASON = GateVariables.RETURNED_REASON;
    public static final ProcessVariable<Long> GATE_ATTEMPT = GateVariables.GATE_ATTEMPT;
    /** Task-local: the campaign's handoffs so far, as Markdown for the form. */
    public static final ProcessVariable<String> HANDOFF_HISTORY = GateVariables.HANDOFF_HISTORY;
    /** Computed when a gate's form is read: the header line (labels, formatted numbers and dates). */
    public static final ProcessVariable<String> SUBJECT_SUMMARY = GateVariables.SUBJECT_SUMMARY;
    /** Task-local, on rework attempts: comments left on the gate's earlier attempts, as Markdown. */
    public static final ProcessVariable<String> EARLIER_COMMENTS = GateVariables.EARLIER_COMMENTS;
    /** Task-local: true when a handoff waits for this gate's review (false on rework attempts). */
    public static final ProcessVariable<Boolean> REVIEW_PENDING = GateVariables.REVIEW_PENDING;

    // Test-and-control design
    public static final ProcessVariable<Double> CONTROL_GROUP_PERCENT = decimal("controlGroupPercent");
    public static final ProcessVariable<String> CONTROL_EXEMPTION_REASON = text("controlExemptionReason");
    public static final ProcessVariable<String> HOLDOUT_METHOD = text("holdoutMethod");
    public static final ProcessVariable<Double> MINIMUM_DETECTABLE_LIFT_PERCENT = decimal("minimumDetectableLiftPercent");
    public static final ProcessVariable<Long> TEST_CELLS = wholeNumber("testCells");

    // Audience pull
    public static final ProcessVariable<Long> AUDIENCE_COUNT = wholeNumber("audienceCount");
    public static final ProcessVariable<Long> CONTROL_COUNT = wholeNumber("controlCount");
    public static final ProcessVariable<Boolean> SUPPRESSIONS_APPLIED = flag("suppressionsApplied");
    public static final ProcessVariable<String> AUDIENCE_QUERY_REF = text("audienceQueryRef");

    // Tracking sign-off
    public static final ProcessVariable<Boolean> TRACKING_CODES_VERIFIED = flag("trackingCodesVerified");
    public static final ProcessVariable<Boolean> CONTROL_GROUP_TRACKED = flag("controlGroupTracked");
    public static final ProcessVariable<Boolean> SEED_LIST_TESTED = flag("seedListTested");
    public static final ProcessVariable<Long> ATTRIBUTION_WINDOW_DAYS = wholeNumber("attributionWindowDays");

    // Launch and measurement
    public static final ProcessVariable<java.util.Date> MEASUREMENT_WINDOW_END = date("measurementWindowEnd");

    // Results read-out, and what Baton computes from it
    public static final ProcessVariable<Long> TEST_CONVERSIONS = wholeNumber("testConversions");
    public static final ProcessVariable<Long> CONTROL_CONVERSIONS = wholeNumber("controlConversions");
    public static final ProcessVariable<String> LEARNINGS = text("learnings");
    public static final ProcessVariable<String> NEXT_ACTION = text("nextAction");
    public static final ProcessVariable<Double> TEST_CONVERSION_RATE = decimal("testConversionRate");
    public static final ProcessVariable<Double> CONTROL_CONVERSION_RATE = decimal("controlConversionRate");
    public static final ProcessVariable<Double> LIFT = decimal("lift");
    public static final ProcessVariable<Double> P_VALUE = decimal("pValue");
    public static final ProcessVariable<Boolean> SIGNIFICANT = flag("significant");

    // Overdue gate escalation (local to the escalation path)
    public static final ProcessVariable<String> OVERDUE_GATE = GateVariables.OVERDUE_GATE;
    public static final ProcessVariable<String> OVERDUE_GATE_NAME = GateVariables.OVERDUE_GATE_NAME;
    public static final ProcessVariable<String> OVERDUE_TEAM = GateVariables.OVERDUE_TEAM;
    public static final ProcessVariable<String> OVERDUE_ACCOUNTABLE = GateVariables.OVERDUE_ACCOUNTABLE;
    public static final ProcessVariable<String> OVERDUE_DUE_AT = GateVariables.OVERDUE_DUE_AT;
    public static final ProcessVariable<String> OVERDUE_TASK_ID = GateVariables.OVERDUE_TASK_ID;
    public static final ProcessVariable<String> OVERDUE_ACTION = text("overdueAction");
    /** On an overdue escalation: the team member the gate goes to, or its new due day and why. */
    public static final ProcessVariable<String> REASSIGN_TO = text("reassignTo");
    public static final ProcessVariable<String> NEW_DUE_DATE = text("newDueDate");
    public static final ProcessVariable<String> EXTENSION_REASON = text("extensionReason");

    // Always-on programs: request, audience rules, optimisation review
    public static final ProcessVariable<Long> REVIEW_CYCLE_WEEKS = wholeNumber("reviewCycleWeeks");
    public static final ProcessVariable<String> TRIGGER_RULE = text("triggerRule");
    public static final ProcessVariable<String> SEGMENT_RULE = text("segmentRule");
    public static final ProcessVariable<String> HOLDOUT_ASSIGNMENT_RULE = text("holdoutAssignmentRule");
    public static final ProcessVariable<Long> PROGRAM_MEMBERS = wholeNumber("programMembers");
    public static final ProcessVariable<Long> HOLDOUT_MEMBERS = wholeNumber("holdoutMembers");
    public static final ProcessVariable<Long> ACTIVE_BASE = wholeNumber("activeBase");
    public static final ProcessVariable<Long> HOLDOUT_ACTIVE_BASE = wholeNumber("holdoutActiveBase");
    public static final ProcessVariable<Long> TRANSACTIONS = wholeNumber("transactions");
    public static final ProcessVariable<Long> HOLDOUT_TRANSACTIONS = wholeNumber("holdoutTransactions");
    public static final ProcessVariable<Long> FIRST_PURCHASES = wholeNumber("firstPurchases");
    public static final ProcessVariable<Long> HOLDOUT_FIRST_PURCHASES = wholeNumber("holdoutFirstPurchases");
    public static final ProcessVariable<Long> WON_BACK = wholeNumber("wonBack");
    public static final ProcessVariable<Long> HOLDOUT_WON_BACK = wholeNumber("holdoutWonBack");
    public static final ProcessVariable<Long> LAPSED = wholeNumber("lapsed");
    public static final ProcessVariable<Long> HOLDOUT_LAPSED = wholeNumber("holdoutLapsed");
    public static final ProcessVariable<String> OPTIMIZATION_DECISION = text("optimizationDecision");
    public static final ProcessVariable<Long> REVIEW_NUMBER = wholeNumber("reviewNumber");
    public static final ProcessVariable<String> REVIEWER = text("reviewer");
    public static final ProcessVariable<Double> ACTIVE_LIFT = decimal("activeLift");
    /** Task-local on a brief: recent learnings of the same campaign type, as Markdown. */
    public static final ProcessVariable<String> RECENT_LEARNINGS = GateVariables.RECENT_LEARNINGS;

    // Cancellation
    public static final ProcessVariable<String> CANCELLATION_REASON = text("cancellationReason");

    /** The names of all variables above: form field keys must be among them. */
    public static final Set<String> NAMES = Arrays.stream(CampaignVariables.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ProcessVariable.class)
            .map(f -> {
                try {
                    return ((ProcessVariable<?>) f.get(null)).name();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            })
            .collect(Collectors.toUnmodifiableSet());

    private CampaignVariables() {
    }
}
