package dev.baton.gate;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The values the command that completes a task submits, as plain values, for the gate listener
 * on this thread. A gate decides its review on what is submitted now: the review fields of an
 * earlier gate stay in the process (as in any Camunda process) and must never decide this one.
 */
final class SubmittedValues {

    private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

    private SubmittedValues() {
    }

    /** What the completing command submitted; empty when it submitted nothing or came another way. */
    static Map<String, Object> current() {
        Map<String, Object> values = CURRENT.get();
        return values == null ? Map.of() : values;
    }

    static Map<String, Object> swap(Map<String, Object> submitted) {
        Map<String, Object> previous = CURRENT.get();
        if (submitted == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(submitted);
        }
        return previous;
    }

    /** The submitted map with each typed value unwrapped; a serialized object stays as it came (refused later). */
    static Map<String, Object> plain(Map<?, ?> submitted) {
        if (submitted == null) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();  // HashMap: a submitted null stays a null
        // by key: iterating a VariableMap's entries would deserialize what it holds
        for (Object name : submitted.keySet()) {
            values.put(String.valueOf(name), unwrap(submitted, name));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object unwrap(Map<?, ?> submitted, Object name) {
        Object typed = submitted instanceof org.camunda.bpm.engine.variable.VariableMap variables
                ? variables.getValueTyped(String.valueOf(name)) : submitted.get(name);
        if (typed instanceof TypedValue t) {
            try {
                return t.getValue();
            } catch (IllegalStateException notDeserialized) {
                return t;
            }
        }
        return typed;
    }
}
