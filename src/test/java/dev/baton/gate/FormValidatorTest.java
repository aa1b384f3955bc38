package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several conditional fields of one form are judged against the same submission, each by its own condition. */
class FormValidatorTest {

    private static final String FORM = """
            {"components": [
              {"key": "decision", "type": "radio", "validate": {"required": true},
               "values": [{"value": "accept"}, {"value": "return"}]},
              {"key": "returnReason", "type": "textarea", "validate": {"required": true, "maxLength": 50},
               "conditional": {"hide": "=decision != \\"return\\""}},
              {"key": "qualityNote", "type": "textfield", "validate": {"required": true},
               "conditional": {"hide": "=decision = \\"return\\""}},
              {"key": "comment", "type": "textfield", "validate": {"maxLength": 10},
               "conditional": {"hide": "=not valid expression ((("}}
            ]}""";

    private final DeployedForm form = parse();

    private static DeployedForm parse() {
        try {
            return DeployedForm.parse(new ObjectMapper().readTree(FORM));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReturnNeedsItsReasonAndNotTheAcceptingNote() {
        assertRefusedAt("returnReason", values("decision", "return"));
        assertThatCode(() -> FormValidator.validate(form, values("decision", "return", "returnReason", "wrong audience")))
                .doesNotThrowAnyException();
    }

    @Test
    void anAcceptanceNeedsItsNoteAndNotAReason() {
        assertRefusedAt("qualityNote", values("decision", "accept"));
        assertThatCode(() -> FormValidator.validate(form, values("decision", "accept", "qualityNote", "clear brief")))
                .doesNotThrowAnyException();
    }

    @Test
    void aShownFieldKeepsItsRulesBesideHiddenOnes() {
        // the reason is shown on a return: its length is checked, though the note's condition hides the note
        assertRefusedAt("returnReason", values("decision", "return", "returnReason", "x".repeat(50 * 40)));
        // a condition that cannot be evaluated hides nothing
        assertRefusedAt("comment", values("decision", "accept", "qualityNote", "ok", "comment", "far too long for ten"));
    }

    /** The submission is refused, naming the field. */
    private void assertRefusedAt(String field, Map<String, Object> submitted) {
        assertThatThrownBy(() -> FormValidator.validate(form, submitted))
                .isInstanceOfSatisfying(SubmissionRejectedException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }
}
