package dev.baton.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, per thread, the SQL statements and database round trips the application makes: the
 * DataSource bean is wrapped so that every statement execution, batch entry, commit and rollback
 * is seen. A batch is one round trip carrying several statements.
 */
public final class StatementCounter implements BeanPostProcessor {

    /** statements, round trips */
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    /** The SQL of each statement this thread makes while recording; null when not recording. */
    private static final ThreadLocal<java.util.List<String>> RECORDED = new ThreadLocal<>();

    /** Runs the work and returns the SQL of every statement it executed or batched, in order. */
    public static java.util.List<String> record(Runnable work) {
        java.util.List<String> sql = new java.util.ArrayList<>();
        RECORDED.set(sql);
        try {
            work.run();
        } finally {
            RECORDED.remove();
        }
        return sql;
    }

    public static long[] snapshot() {
        long[] c = COUNTS.get();
        return new long[] {c[0], c[1]};
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))) {
            return wrap(ds);
        }
        return bean;
    }

    /** A DataSource whose statements are counted like the application's, while counting is on. */
    public static DataSource wrap(DataSource ds) {
        return proxy(DataSource.class, ds, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return enabled && result instanceof Connection c ? proxy(Connection.class, c, StatementCounter::connection) : result;
        });
    }

    /**
     * Off: connections are handed out unwrapped, so timed rounds pay nothing for the counting (a
     * proxied call per JDBC method would weigh on the mode with more statements).
     */
    private static volatile boolean enabled = true;

    public static void enabled(boolean on) {
        enabled = on;
    }

    private static Object connection(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("commit") || method.getName().equals("rollback")) {
            COUNTS.get()[1]++;
        }
        Object result = invoke(target, method, args);
        if (result instanceof Statement s) {
            Class<? extends Statement> type = method.getName().equals("prepareStatement") ? java.sql.PreparedStatement.class
                    : method.getName().equals("prepareCall") ? java.sql.CallableStatement.class : Statement.class;
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            return proxy(type, s, (t, m, a) -> statement(sql, t, m, a));
        }
        return result;
    }

    private static Object statement(String prepared, Object target, Method method, Object[] args) throws Throwable {
        long[] c = COUNTS.get();
        boolean execute = EXECUTES.contains(method.getName());
        if (execute || method.getName().equals("addBatch")) {
            java.util.List<String> recorded = RECORDED.get();
            if (recorded != null) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                recorded.add((execute ? "" : "[batch] ") + (sql == null ? "?" : sql.replaceAll("\\s+", " ").strip()));
            }
        }
        if (execute) {
            c[0]++;
            c[1]++;
        } else if (method.getName().equals("addBatch")) {
            c[0]++;
        } else if (method.getName().startsWith("executeBatch") || method.getName().equals("executeLargeBatch")) {
            c[1]++;
        }
        return invoke(target, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
