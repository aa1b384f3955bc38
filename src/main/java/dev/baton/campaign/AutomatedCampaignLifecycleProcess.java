package dev.baton.campaign;

/** Ids of bpmn/AutomatedCampaignLifecycle.bpmn that code, tests and integrations rely on. */
public final class AutomatedCampaignLifecycleProcess {

    public static final String PROCESS_ID = "AutomatedCampaignLifecycle";

    public static final String STRATEGIC_BRIEF = "UserTask_StrategicBrief";
    public static final String TEST_AND_CONTROL_DESIGN = "UserTask_TestAndControlDesign";
    public static final String AUDIENCE_RULES = "UserTask_AudienceRules";
    public static final String TRACKING_SIGN_OFF = "UserTask_TrackingSignOff";
    public static final String GO_LIVE = "ServiceTask_GoLive";
    /** Where a live program waits: for its review timer or a pause message. */
    public static final String NEXT_CYCLE = "Gateway_NextCycle";
    public static final String REVIEW_DUE = "TimerEvent_ReviewDue";
    public static final String OPTIMIZATION_REVIEW = "UserTask_OptimizationReview";
    public static final String PAUSE_REQUESTED = "MessageEvent_PauseRequested";
    public static final String RESUME_REQUESTED = "MessageEvent_ResumeRequested";
    public static final String PROGRAM_RETIRED = "EndEvent_ProgramRetired";
    /** Started by the SLA watch (message GateOverdue) for each overdue gate; the escalation inside keeps its id. */
    public static final String GATE_OVERDUE = "StartEvent_GateOverdue";
    public static final String RESOLVE_OVERDUE_GATE = "UserTask_ResolveOverdueGate";
    public static final String OVERDUE_GATE_RESOLVED = "EndEvent_OverdueGateResolved";
    public static final String PROGRAM_TERMINATED = "EndEvent_CampaignTerminated";

    /** Message names (correlate by business key). */
    public static final String MESSAGE_PAUSE = "PauseProgram";
    public static final String MESSAGE_RESUME = "ResumeProgram";

    public static final String GATE_AUDIENCE_RULES = "audience-rules";

    /** Values of {@code optimizationDecision}. */
    public static final String KEEP = "keep";
    public static final String ITERATE = "iterate";
    public static final String RETIRE = "retire";

    public static final long DEFAULT_REVIEW_CYCLE_WEEKS = 4;

    private AutomatedCampaignLifecycleProcess() {
    }
}
