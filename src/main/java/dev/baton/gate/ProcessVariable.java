package dev.baton.gate;

import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and how to read it. Camunda Forms submit numbers as
 * Integer or Double, REST callers as Long, so numbers are read as {@link Number}; a value of
 * the wrong type is refused with a message that names the variable.
 */
public final class ProcessVariable<T> {

    /** Beyond 2^53 a decimal number is no longer an exact whole number. */
    private static final double EXACT_WHOLE_NUMBERS = 9_007_199_254_740_992d;

    private final String name;
    private final BiFunction<String, Object, T> reader;

    private ProcessVariable(String name, BiFunction<String, Object, T> reader) {
        this.name = name;
        this.reader = reader;
    }

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, ProcessVariable::readText);
    }

    public static ProcessVariable<Long> wholeNumber(String name) {
        return new ProcessVariable<>(name, ProcessVariable::readWholeNumber);
    }

    public static ProcessVariable<Double> decimal(String name) {
        return new ProcessVariable<>(name, ProcessVariable::readDecimal);
    }

    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, ProcessVariable::readFlag);
    }

    public static ProcessVariable<java.util.Date> date(String name) {
        return new ProcessVariable<>(name, (n, v) -> {
            if (v instanceof java.util.Date d) {
                return d;
            }
            throw new SubmissionRejectedException(n, "must be a date");
        });
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is not set. */
    public T get(VariableScope scope) {
        return reader.apply(name, scope.getVariable(name));
    }

    public T get(Map<String, Object> values) {
        return reader.apply(name, values.get(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    private static String readText(String name, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new SubmissionRejectedException(name, "must be text");
    }

    private static Long readWholeNumber(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new SubmissionRejectedException(name, "must be a whole number (was " + value + ")");
            }
            if (!(n instanceof Long || n instanceof Integer || n instanceof Short) && Math.abs(d) > EXACT_WHOLE_NUMBERS) {
                throw new SubmissionRejectedException(name, "is too large to be a count (was " + value + ")");
            }
            return n.longValue();
        }
        throw new SubmissionRejectedException(name, "must be a whole number");
    }

    private static Double readDecimal(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new SubmissionRejectedException(name, "must be a number");
    }

    private static Boolean readFlag(String name, Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new SubmissionRejectedException(name, "must be true or false");
    }

    @Override
    public String toString() {
        return name;
    }
}
