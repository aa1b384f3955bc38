package dev.baton.gate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Checks a gate submission against exactly the rules of the Camunda Form deployed for the gate,
 * so form and server cannot drift: required fields, numbers within min and max and their decimal
 * digits, texts within their lengths and pattern (and plain text: no control characters or HTML
 * tags), the values a select or radio offers, confirmations (required checkboxes), dates not in the
 * past where the form says so. A field the form hides by its condition (a FEEL expression over the
 * task's variables, as Tasklist evaluates it) is not checked. Each refusal names the field.
 */
public class FormValidator {

    private static final Conditions FEEL = new Conditions();
    private final DeployedForm.Cache forms = new DeployedForm.Cache();

    public DeployedForm.Cache forms() {
        return forms;
    }

    /** Validates the values a task is completed with against its deployed form. */
    public void validate(TaskEntity task, Map<String, Object> values) {
        validate(forms.ofTask(task, Context.getCommandContext()), values);
    }

    public static void validate(DeployedForm form, Map<String, Object> values) {
        org.camunda.feel.context.Context conditionContext = null;
        for (DeployedForm.Field field : form.fields().values()) {
            if (field.hide() != null) {
                // one context for all of the form's conditions
                conditionContext = conditionContext == null ? context(values) : conditionContext;
                if (FEEL.isTrue(field.hide(), conditionContext)) {
                    continue;
                }
            }
            check(field, values.get(field.key()));
        }
    }

    private static void check(DeployedForm.Field field, Object value) {
        String key = field.key();
        switch (field.type()) {
            case "textfield", "textarea" -> text(field, value);
            case "number" -> number(field, value);
            case "select", "radio" -> option(field, value);
            case "checkbox" -> {
                if (value != null && !(value instanceof Boolean)) {
                    throw new SubmissionRejectedException(key, "must be true or false");
                }
                if (field.required() && !Boolean.TRUE.equals(value)) {
                    throw new SubmissionRejectedException(key, "must be confirmed");
                }
            }
            case "datetime" -> date(field, value);
            default -> {
                if (field.required() && value == null) {
                    throw new SubmissionRejectedException(key, "is required");
                }
            }
        }
    }

    private static void text(DeployedForm.Field field, Object value) {
        if (value != null && !(value instanceof String)) {
            throw new SubmissionRejectedException(field.key(), "must be text");
        }
        String text = (String) value;
        if (text == null || text.isBlank()) {
            if (field.required()) {
                throw new SubmissionRejectedException(field.key(), "is required");
            }
            return;
        }
        text = text.trim();
        FieldRules.plainText(field.key(), text, field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength());
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw new SubmissionRejectedException(field.key(), "must be at least " + field.minLength()
                    + " characters (was " + text.length() + ")");
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            throw new SubmissionRejectedException(field.key(), "does not have the expected form (" + field.pattern() + ")");
        }
    }

    private static void number(DeployedForm.Field field, Object value) {
        if (value == null) {
            if (field.required()) {
                throw new SubmissionRejectedException(field.key(), "is required");
            }
            return;
        }
        boolean whole = Integer.valueOf(0).equals(field.decimalDigits());
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new SubmissionRejectedException(field.key(), whole ? "must be a whole number" : "must be a number");
        }
        BigDecimal exact = new BigDecimal(number.toString()).stripTrailingZeros();
        if (field.decimalDigits() != null && Math.max(0, exact.scale()) > field.decimalDigits()) {
            throw new SubmissionRejectedException(field.key(), whole ? "must be a whole number (was " + number + ")"
                    : "must have at most " + field.decimalDigits() + " decimal places (was " + number + ")");
        }
        double d = number.doubleValue();
        if (field.min() != null && d < field.min() || field.max() != null && d > field.max()) {
            String range = field.min() != null && field.max() != null ? "must be between " + fmt(field.min()) + " and " + fmt(field.max())
                    : field.min() != null ? "must be at least " + fmt(field.min()) : "must be at most " + fmt(field.max());
            throw new SubmissionRejectedException(field.key(), range + " (was " + fmt(d) + ")");
        }
    }

    private static void option(DeployedForm.Field field, Object value) {
        String allowed = String.join(", ", field.values());
        if (value == null || value instanceof String s && s.isBlank()) {
            if (field.required()) {
                throw new SubmissionRejectedException(field.key(), "is required, one of " + allowed);
            }
            return;
        }
        if (!(value instanceof String text) || !field.values().isEmpty() && !field.values().contains(text)) {
            String shown = String.valueOf(value);
            throw new SubmissionRejectedException(field.key(), "must be one of " + allowed + " (was '"
                    + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "')");
        }
    }

    private static void date(DeployedForm.Field field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            if (field.required()) {
                throw new SubmissionRejectedException(field.key(), "is required");
            }
            return;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            if (field.disallowPassedDates() && date.isBefore(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                    java.time.ZoneOffset.UTC))) {
                throw new SubmissionRejectedException(field.key(), "must not be in the past (was " + date + ")");
            }
        } catch (DateTimeParseException e) {
            throw new SubmissionRejectedException(field.key(), "must be a date like 2026-12-31 (was '" + value + "')");
        }
    }

    private static String fmt(double d) {
        return FieldRules.fmt(d);
    }

    private static org.camunda.feel.context.Context context(Map<String, Object> variables) {
        org.camunda.feel.context.VariableProvider provider = new org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper(
                org.camunda.bpm.engine.variable.Variables.fromMap(variables).asVariableContext());
        return new org.camunda.feel.context.CustomContext() {
            @Override
            public org.camunda.feel.context.VariableProvider variableProvider() {
                return provider;
            }
        };
    }

    /**
     * The FEEL engine Camunda bundles, for the forms' conditions: each condition is parsed once
     * and kept (a form has a handful); a condition that cannot be parsed or evaluated hides nothing.
     */
    static final class Conditions {

        private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
        private final Map<String, Optional<ParsedExpression>> parsed = new ConcurrentHashMap<>();

        boolean isTrue(String expression, org.camunda.feel.context.Context variables) {
            try {
                Optional<ParsedExpression> condition = parsed.computeIfAbsent(expression, text -> {
                    ParseResult result = engine.parseExpression(text);
                    return result.isSuccess() ? Optional.of(result.parsedExpression()) : Optional.empty();
                });
                if (condition.isEmpty()) {
                    return false;
                }
                // variables are looked up (and mapped to FEEL) only as the condition names them
                EvaluationResult result = engine.evaluate(condition.get(), variables);
                return result.isSuccess() && Boolean.TRUE.equals(result.result());
            } catch (RuntimeException cannotEvaluate) {
                return false;
            }
        }
    }
}
