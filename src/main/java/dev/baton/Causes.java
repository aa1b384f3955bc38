package dev.baton;

import java.util.Optional;
import java.util.function.Predicate;

/** Looks through an exception's cause chain: the engine wraps what listeners and the database throw. */
public final class Causes {

    private Causes() {
    }

    /** The first exception in the chain (the exception itself included) that matches. */
    public static Optional<Throwable> find(Throwable e, Predicate<Throwable> matches) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The first exception of this type in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return find(e, type::isInstance).map(type::cast);
    }
}
