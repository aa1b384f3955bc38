package dev.baton;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
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

    public static void register(DynamicPropertyRegistry registry) {
        String external = System.getenv("BATON_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            registry.add("spring.datasource.url", () -> external);
            registry.add("spring.datasource.username", () -> env("BATON_TEST_JDBC_USER", "postgres"));
            registry.add("spring.datasource.password", () -> env("BATON_TEST_JDBC_PASSWORD", ""));
            return;
        }
        String database = "baton_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
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
