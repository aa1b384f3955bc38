package dev.baton.reliability;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Reads the properties of Camunda's query objects in its SQL mappings (MyBatis's OGNL) with the
 * method found once per class and name. OGNL looks for a getter first and, for names that are not
 * one (Camunda's mappings test {@code authCheck.shouldPerformAuthorizatioCheck},
 * {@code query.isOrQueryActive} and the like), scans every method of the class by name,
 * case-insensitively, on every evaluation: in a JFR profile of the gate benchmark that scan was 9
 * to 13 % of the CPU of every command that finds tasks, the query Tasklist and the REST API run
 * most. The answer is the same method OGNL would find (its own look-ups, remembered); names that
 * are no method go to OGNL as before.
 *
 * <p>Only for engines that registered it ({@link #install}): OGNL's accessors are global to the
 * JVM, and another engine in it keeps OGNL's own behaviour.
 */
public final class OgnlPropertyCache extends ObjectPropertyAccessor {

    /** The engines that installed it; read on every property, written once per engine start. */
    private static volatile List<WeakReference<ProcessEngineConfigurationImpl>> engines = List.of();
    private static final ClassValue<Map<String, Optional<Method>>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final OgnlPropertyCache INSTANCE = new OgnlPropertyCache();
    /** The authorization and tenant checks of Camunda's queries. */
    static final List<Class<?>> CHECKS = List.of(org.camunda.bpm.engine.impl.db.AuthorizationCheck.class,
            org.camunda.bpm.engine.impl.db.TenantCheck.class, org.camunda.bpm.engine.impl.db.PermissionCheck.class,
            org.camunda.bpm.engine.impl.db.CompositePermissionCheck.class);

    private OgnlPropertyCache() {
    }

    /** Before the engine runs its first query: OGNL remembers the accessor it chose per class. */
    public static void install(ProcessEngineConfigurationImpl engine) {
        synchronized (OgnlPropertyCache.class) {
            List<WeakReference<ProcessEngineConfigurationImpl>> next = new ArrayList<>();
            for (WeakReference<ProcessEngineConfigurationImpl> known : engines) {
                if (known.get() != null) { // closed engines' configurations go with the garbage
                    next.add(known);
                }
            }
            next.add(new WeakReference<>(engine));
            engines = List.copyOf(next);
            try {
                if (!(OgnlRuntime.getPropertyAccessor(Object.class) instanceof OgnlPropertyCache)) {
                    OgnlRuntime.setPropertyAccessor(Object.class, INSTANCE);
                }
                // named too: every query reads them, and OGNL keeps the accessor it chose for a class
                // that another engine in the JVM queried before this one started
                for (Class<?> checks : CHECKS) {
                    OgnlRuntime.setPropertyAccessor(checks, INSTANCE);
                }
            } catch (OgnlException unexpected) {
                throw new IllegalStateException("OGNL's property accessors cannot be read", unexpected);
            }
        }
    }

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
        if (target == null || !installedFor(Context.getProcessEngineConfiguration())) {
            return super.getPossibleProperty(context, target, name);
        }
        Method reader = READERS.get(target.getClass()).computeIfAbsent(name, n -> Optional.ofNullable(find(target.getClass(), n)))
                .orElse(null);
        try {
            if (reader != null && context.getMemberAccess().isAccessible(context, target, reader, name)) {
                return OgnlRuntime.invokeMethod(target, reader, OgnlRuntime.NoArguments);
            }
            // no such method: a field, as OGNL reads it
            return OgnlRuntime.getFieldValue(context, target, name, true);
        } catch (InvocationTargetException failed) {
            throw new OgnlException(name, failed.getTargetException());
        } catch (Exception failed) {
            throw new OgnlException(name, failed);
        }
    }

    private static boolean installedFor(ProcessEngineConfigurationImpl engine) {
        if (engine == null) {
            return false;
        }
        for (WeakReference<ProcessEngineConfigurationImpl> known : engines) {
            if (known.get() == engine) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reader for the property was looked up and kept (tests). */
    static boolean remembers(Class<?> type, String name) {
        return READERS.get(type).containsKey(name);
    }

    /** The method OGNL reads a property with: the getter, else a method of that name. */
    private static Method find(Class<?> type, String name) {
        Method getter = OgnlRuntime.getGetMethod(type, name);
        return getter != null ? getter : OgnlRuntime.getReadMethod(type, name, null);
    }
}
