package dev.baton.campaign;

/** Ids of bpmn/CampaignLifecycle.bpmn that code, tests and integrations rely on. */
public final class CampaignLifecycleProcess {

    public static final String PROCESS_ID = "CampaignLifecycle";

    public static final String START_EVENT = "StartEvent_CampaignRequested";
    public static final String REGISTER_CAMPAIGN = "ServiceTask_RegisterCampaign";
    public static final String CONTROL_GROUP_POLICY = "BusinessRuleTask_ControlGroupPolicy";
    public static final String STRATEGIC_BRIEF = "UserTask_StrategicBrief";
    public static final String TEST_AND_CONTROL_DESIGN = "UserTask_TestAndControlDesign";
    public static final String AUDIENCE_PULL = "UserTask_AudiencePull";
    public static final String TRACKING_SIGN_OFF = "UserTask_TrackingSignOff";
    public static final String LAUNCH_CAMPAIGN = "ServiceTask_LaunchCampaign";
    public static final String MEASUREMENT_WINDOW_CLOSED = "TimerEvent_MeasurementWindowClosed";
    public static final String RESULTS_READOUT = "UserTask_ResultsReadout";
    public static final String RECORD_CAMPAIGN_RESULT = "ServiceTask_RecordCampaignResult";
    public static final String CAMPAIGN_COMPLETED = "EndEvent_CampaignCompleted";
    /** Started by the SLA watch (message GateOverdue) for each overdue gate; the escalation inside keeps its id. */
    public static final String GATE_OVERDUE = "StartEvent_GateOverdue";
    public static final String RESOLVE_OVERDUE_GATE = "UserTask_ResolveOverdueGate";
    public static final String OVERDUE_GATE_RESOLVED = "EndEvent_OverdueGateResolved";
    public static final String CAMPAIGN_TERMINATED = "EndEvent_CampaignTerminated";
    public static final String CAMPAIGN_CANCELLED = "EndEvent_CampaignCancelled";

    /** Gate keys ({@code baton.gate} in the model; {@code gate} in the ledger). */
    public static final String GATE_BRIEF = "brief";
    public static final String GATE_TEST_DESIGN = "test-design";
    public static final String GATE_AUDIENCE_PULL = "audience-pull";
    public static final String GATE_TRACKING_SIGNOFF = "tracking-signoff";
    public static final String GATE_RESULTS_READOUT = "results-readout";

    /** Message name that cancels a running campaign (correlate by business key). */
    public static final String MESSAGE_CANCEL_CAMPAIGN = "CancelCampaign";

    /** Values of {@code handoffDecision}. */
    public static final String DECISION_ACCEPT = dev.baton.gate.GateVariables.DECISION_ACCEPT;
    public static final String DECISION_RETURN = dev.baton.gate.GateVariables.DECISION_RETURN;

    /** Values of {@code overdueAction}. */
    public static final String OVERDUE_REMIND = "remind";
    public static final String OVERDUE_REASSIGN = "reassign";
    public static final String OVERDUE_EXTEND = "extend";
    /** Closes the escalation and nothing else (the gate moved on, or the team is on it). */
    public static final String OVERDUE_CHASE = "chase";
    public static final String OVERDUE_CANCEL = "cancel";

    private CampaignLifecycleProcess() {
    }
}
