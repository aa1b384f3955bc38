package dev.baton.gate;

/**
 * A gate submission, campaign request or handoff decision that breaks a rule. It names the
 * field and the rule; nothing it interrupts is recorded, because it rolls the transaction back.
 * Its message ({@code field: rule}) is for logs and the Java API; {@link #forPeople()} starts
 * with the label the form shows, once the gate has {@linkplain #labelled labelled} it.
 */
public class SubmissionRejectedException extends RuntimeException {

    private final String field;
    private final String rule;
    private final String label;

    public SubmissionRejectedException(String field, String rule) {
        this(field, rule, null);
    }

    private SubmissionRejectedException(String field, String rule, String label) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
        this.label = label;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The same refusal, told with the label people see on the form (none: as it was). */
    public SubmissionRejectedException labelled(String formLabel) {
        if (formLabel == null || formLabel.isBlank() || label != null) {
            return this;
        }
        SubmissionRejectedException labelled = new SubmissionRejectedException(field, rule, formLabel.strip());
        labelled.setStackTrace(getStackTrace());
        return labelled;
    }

    /** What Tasklist and REST callers read: the field's label (else its key), then the rule. */
    public String forPeople() {
        return (label != null ? label : field) + ": " + rule;
    }
}
