package dev.baton.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * PostgreSQL's plans for the queries an application makes: a DataSource whose prepared SELECTs
 * first run as {@code EXPLAIN (ANALYZE, BUFFERS)} with the same parameters, so the plan shown is
 * the one chosen for the real statement. Plans are kept under the label given to {@link #capture}.
 */
final class QueryPlans {

    private final DataSource target;
    private final Map<String, List<String>> plans = new LinkedHashMap<>();
    private String label;

    QueryPlans(DataSource target) {
        this.target = target;
    }

    /** Runs the work once and keeps the plan of every SELECT it prepared, under this label. */
    void capture(String label, Runnable work) {
        this.label = label;
        try {
            work.run();
        } finally {
            this.label = null;
        }
    }

    Map<String, List<String>> plans() {
        return plans;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                    && ((String) args[0]).stripLeading().toUpperCase().startsWith("SELECT")) {
                return explaining(connection, (String) args[0], statement);
            }
            return result;
        });
    }

    /** Remembers the parameters set; on executeQuery runs EXPLAIN with them, then the statement. */
    private PreparedStatement explaining(Connection connection, String sql, PreparedStatement statement) {
        List<Object[]> parameters = new ArrayList<>();
        return proxy(PreparedStatement.class, (method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                parameters.add(new Object[] {method, args});
            }
            if (method.getName().equals("executeQuery") && label != null) {
                plans.computeIfAbsent(label, k -> new ArrayList<>()).add(explain(connection, sql, parameters));
            }
            return invoke(statement, method, args);
        });
    }

    private static String explain(Connection connection, String sql, List<Object[]> parameters) throws Throwable {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (Object[] set : parameters) {
                invoke(explain, (Method) set[0], (Object[]) set[1]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return sql.strip() + "\n\n" + plan;
        }
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(QueryPlans.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(method, args));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
