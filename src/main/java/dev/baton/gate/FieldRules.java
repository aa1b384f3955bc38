package dev.baton.gate;

import java.util.Map;
import java.util.Set;

/** Field checks shared by the gate and request rules; each refusal names the field and the rule. */
public final class FieldRules {

    public static final int SHORT_TEXT = 255;
    public static final int LONG_TEXT = 2000;

    private FieldRules() {
    }

    public static String requiredText(Map<String, Object> values, ProcessVariable<String> field, int maxLength) {
        String value = field.get(values);
        if (value == null || value.isBlank()) {
            throw new SubmissionRejectedException(field.name(), "is required");
        }
        return maxLength(field, value.trim(), maxLength);
    }

    public static String optionalText(Map<String, Object> values, ProcessVariable<String> field, int maxLength) {
        String value = field.get(values);
        return value == null || value.isBlank() ? null : maxLength(field, value.trim(), maxLength);
    }

    private static String maxLength(ProcessVariable<String> field, String value, int maxLength) {
        plainText(field.name(), value, maxLength);
        return value;
    }

    /**
     * Text as people type it: not longer than allowed, no control characters (a NUL cannot even be
     * stored in PostgreSQL) and no HTML tags, which the forms would render as markup.
     */
    public static void plainText(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new SubmissionRejectedException(field, "must be at most " + maxLength + " characters (was " + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                throw new SubmissionRejectedException(field, "contains a control character (U+" + String.format("%04X", (int) c)
                        + ") at position " + (i + 1) + "; only printable text, tabs and line breaks are stored");
            }
            if (c == '<' && i + 1 < value.length() && isTagStart(value.charAt(i + 1))) {
                throw new SubmissionRejectedException(field, "contains an HTML tag at position " + (i + 1)
                        + " ('" + value.substring(i, Math.min(value.length(), i + 12)) + "'); write plain text "
                        + "(a '<' directly before a letter, '/', '!' or '?' is not accepted)");
            }
        }
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    public static String oneOf(Map<String, Object> values, ProcessVariable<String> field, Set<String> allowed) {
        String value = field.get(values);
        if (value == null || value.isBlank()) {
            throw new SubmissionRejectedException(field.name(), "is required, one of " + String.join(", ", sorted(allowed)));
        }
        if (!allowed.contains(value)) {
            throw new SubmissionRejectedException(field.name(),
                    "must be one of " + String.join(", ", sorted(allowed)) + " (was '" + abbreviate(value) + "')");
        }
        return value;
    }

    public static long wholeNumber(Map<String, Object> values, ProcessVariable<Long> field, long min, long max) {
        Long value = field.get(values);
        if (value == null) {
            throw new SubmissionRejectedException(field.name(), "is required");
        }
        if (value < min || value > max) {
            throw new SubmissionRejectedException(field.name(), range(min, max) + " (was " + value + ")");
        }
        return value;
    }

    public static double decimal(Map<String, Object> values, ProcessVariable<Double> field, double min, double max,
                                 boolean minExclusive) {
        Double value = field.get(values);
        if (value == null) {
            throw new SubmissionRejectedException(field.name(), "is required");
        }
        if ((minExclusive ? value <= min : value < min) || value > max) {
            String rule = minExclusive ? "must be greater than " + fmt(min) + " and at most " + fmt(max)
                    : range(fmt(min), fmt(max));
            throw new SubmissionRejectedException(field.name(), rule + " (was " + fmt(value) + ")");
        }
        return value;
    }

    public static boolean requiredFlag(Map<String, Object> values, ProcessVariable<Boolean> field) {
        Boolean value = field.get(values);
        if (value == null) {
            throw new SubmissionRejectedException(field.name(), "is required (true or false)");
        }
        return value;
    }

    public static void mustBeTrue(Map<String, Object> values, ProcessVariable<Boolean> field, String why) {
        if (!Boolean.TRUE.equals(field.get(values))) {
            throw new SubmissionRejectedException(field.name(), "must be confirmed: " + why);
        }
    }

    private static String range(Object min, Object max) {
        return "must be between " + min + " and " + max;
    }

    public static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static java.util.List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
