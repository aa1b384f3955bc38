package dev.baton.gate;

/**
 * A gate submission, campaign request or handoff decision that breaks a rule. It names the
 * field and the rule; nothing it interrupts is recorded, because it rolls the transaction back.
 */
public class SubmissionRejectedException extends RuntimeException {

    private final String field;

    public SubmissionRejectedException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
