package dev.baton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Baton's engine plugins add to the engine configuration's lists (interceptors, parse listeners,
 * history levels, session factories) without dropping what other plugins put there; the
 * configuration holds null until someone sets a list.
 */
public final class EngineLists {

    private EngineLists() {
    }

    /** The configured entries, then ours. */
    @SafeVarargs
    public static <T> List<T> after(List<? extends T> configured, T... ours) {
        List<T> all = new ArrayList<>();
        if (configured != null) {
            all.addAll(configured);
        }
        all.addAll(Arrays.asList(ours));
        return all;
    }

    /** Ours, then the configured entries: for what must come first, such as the outermost interceptor. */
    @SafeVarargs
    public static <T> List<T> before(List<? extends T> configured, T... ours) {
        List<T> all = new ArrayList<>(Arrays.asList(ours));
        if (configured != null) {
            all.addAll(configured);
        }
        return all;
    }
}
