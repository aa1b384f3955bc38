package dev.baton.gate;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the batons of a process are about, as the model's own code knows it (a campaign, for
 * Baton's lifecycles): the gate pattern names tasks, mails and escalations after it, offers the
 * learnings of subjects of the same kind, and asks the SLA policy with its inputs. The gate
 * pattern itself knows no model variable.
 */
public interface GateSubject {

    /** The name people know the subject by, e.g. the campaign's name. */
    String name(VariableScope scope);

    /** The kind of subject whose learnings a gate offers, e.g. the campaign type. */
    String kind(VariableScope scope);

    /**
     * One line of Markdown that says what the subject is, as every gate's form header shows it
     * (labels, not ids; numbers and dates as people read them), or null.
     */
    default String summary(VariableScope scope) {
        return null;
    }

    /** Inputs of the GateSla decision besides the gate key, e.g. the campaign type. */
    Map<String, Object> policyInputs(VariableScope scope);
}
