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

    public static Object read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field '" + name
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
