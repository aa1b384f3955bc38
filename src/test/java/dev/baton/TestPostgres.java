package dev.baton;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests: the server BATON_TEST_JDBC_URL names (with BATON_TEST_JDBC_USER
 * and BATON_TEST_JDBC_PASSWORD), else one embedded server started from Maven's binaries, shared
 * by the whole test run. Each caller gets a fresh database of its own.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** Where a test's database is. */
    public record Database(String url, String user, String password) {

        public DataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        Database database = newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    /** A fresh, empty database (or, with BATON_TEST_JDBC_URL, that server's database as it is). */
    public static Database newDatabase() {
        String external = System.getenv("BATON_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return new Database(external, env("BATON_TEST_JDBC_USER", "postgres"), env("BATON_TEST_JDBC_PASSWORD", ""));
        }
        String database = "baton_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return new Database(server.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return embedded;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
