package dev.baton.gate;

/**
 * A rule a form cannot express, which a gate selects by name in its model
 * ({@code baton.checks = four-eyes, control-share}): the four-eyes rule, the control share against
 * the design, a policy minimum. Checks are Spring beans; each refuses by throwing a
 * {@link SubmissionRejectedException} that names the field.
 */
public interface GateCheck {

    /** The name the model uses, e.g. {@code four-eyes}. */
    String name();

    void check(GateSubmission submission);
}
