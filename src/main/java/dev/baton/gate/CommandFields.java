package dev.baton.gate;

import java.lang.reflect.Field;

/**
 * Reads what a Camunda command carries (its variables, flags, task id). The engine keeps these in
 * protected fields without getters; a Camunda upgrade that renames one fails loudly here, and the
 * attack tests catch it, instead of a rule silently letting a command through.
 */
public final class CommandFields {

    private CommandFields() {
    }

    /** Fields found once per command class and name: every engine call reads some. */
    private static final java.util.Map<Class<?>, java.util.Map<String, Field>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    public static Object read(Object command, String name) {
        Field field = FIELDS.computeIfAbsent(command.getClass(), type -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> find(command.getClass(), n));
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> commandType, String name) {
        for (Class<?> type = commandType; type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(commandType.getName() + " has no field '" + name
                + "': Camunda changed; Baton's command guard and gate interceptor must be updated");
    }

    public static String text(Object command, String name) {
        Object value = read(command, name);
        return value == null ? null : value.toString();
    }

    public static boolean flag(Object command, String name) {
        return Boolean.TRUE.equals(read(command, name));
    }
}
