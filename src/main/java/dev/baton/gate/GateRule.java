package dev.baton.gate;

/**
 * A business rule a gate submission must keep. Rules are Spring beans; the gate service runs
 * every rule that applies before anything is recorded.
 */
public interface GateRule {

    boolean appliesTo(GateDefinition gate);

    void check(GateSubmission submission);
}
