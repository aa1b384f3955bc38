package dev.baton.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ledger and outbox writes that nothing in the same transaction reads back, sent together just
 * before the transaction commits: on PostgreSQL as one multi-statement round trip, elsewhere one
 * by one. They commit and roll back with the engine like any other write; a gate's completion
 * costs one round trip for them instead of one each. Any read of the ledger sends what is
 * waiting first, so a transaction always sees its own writes.
 *
 * <p>Outside a transaction (no Spring synchronization) a write is sent at once.
 */
public final class DeferredWrites {

    private static final Object KEY = new Object();
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

    private record Write(JdbcClient jdbc, String sql, Map<String, Object> params) {
    }

    private static final class Waiting implements TransactionSynchronization {
        final List<Write> writes = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            send(this);
        }

        @Override
        public void afterCompletion(int status) {
            writes.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
    }

    /** Per client: true when the database takes several statements in one call (PostgreSQL). */
    private static final Map<JdbcClient, Boolean> MULTI_STATEMENT = new java.util.concurrent.ConcurrentHashMap<>();

    private DeferredWrites() {
    }

    /** A write that waits for the commit (or for the next ledger statement that reads). */
    public static Builder write(JdbcClient jdbc, String sql) {
        return new Builder(jdbc, sql);
    }

    /** Sends what waits now: before a statement that may read it. */
    public static void flush() {
        if (TransactionSynchronizationManager.getResource(KEY) instanceof Waiting waiting) {
            send(waiting);
        }
    }

    /** A deferred statement's parameters, then {@link #defer()}. */
    public static final class Builder {
        private final JdbcClient jdbc;
        private final String sql;
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder(JdbcClient jdbc, String sql) {
            this.jdbc = jdbc;
            this.sql = sql;
        }

        public Builder param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public void defer() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                jdbc.sql(sql).params(params).update();
                return;
            }
            Waiting waiting = (Waiting) TransactionSynchronizationManager.getResource(KEY);
            if (waiting == null) {
                waiting = new Waiting();
                TransactionSynchronizationManager.bindResource(KEY, waiting);
                TransactionSynchronizationManager.registerSynchronization(waiting);
            }
            waiting.writes.add(new Write(jdbc, sql, params)); // a LinkedHashMap: null values allowed
        }
    }

    private static void send(Waiting waiting) {
        if (waiting.writes.isEmpty()) {
            return;
        }
        List<Write> writes = new ArrayList<>(waiting.writes);
        waiting.writes.clear();
        JdbcClient jdbc = writes.get(0).jdbc();
        if (writes.size() > 1 && multiStatement(jdbc) && writes.stream().allMatch(w -> w.jdbc() == jdbc)) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < writes.size(); i++) {
                String suffix = "_" + i;
                appendRenamed(sql, writes.get(i).sql(), suffix);
                sql.append(";\n");
                writes.get(i).params().forEach((name, value) -> all.put(name + suffix, value));
            }
            jdbc.sql(sql.toString()).params(all).update();
            return;
        }
        for (int i = 0; i < writes.size(); i++) {
            writes.get(i).jdbc().sql(writes.get(i).sql()).params(writes.get(i).params()).update();
        }
    }

    /**
     * Per statement: its text split around its parameter names (text, name, text, name, ..., text),
     * found once; the statements are constants, and a regular expression over each of them at every
     * commit was a third of the time of sending them.
     */
    private static final Map<String, List<String>> PARTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The statement with each parameter renamed {@code :name} + suffix. */
    static void appendRenamed(StringBuilder into, String sql, String suffix) {
        List<String> parts = PARTS.computeIfAbsent(sql, DeferredWrites::split);
        for (int i = 0; i < parts.size(); i++) {
            into.append(parts.get(i));
            if (i % 2 == 1) {
                into.append(suffix);
            }
        }
    }

    private static List<String> split(String sql) {
        List<String> parts = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        int from = 0;
        while (m.find()) {
            parts.add(sql.substring(from, m.start(1)));
            parts.add(m.group(1));
            from = m.end(1);
        }
        parts.add(sql.substring(from));
        return List.copyOf(parts);
    }

    private static boolean multiStatement(JdbcClient jdbc) {
        return MULTI_STATEMENT.computeIfAbsent(jdbc, client -> {
            ResultSetExtractor<Boolean> postgres = rs -> "PostgreSQL".equals(
                    rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
            return Boolean.TRUE.equals(client.sql("SELECT 1").query(postgres));
        });
    }
}
