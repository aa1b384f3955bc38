package dev.baton.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL of its own that a test can stop and start again on the same data
 * directory and port, like an operator restarting the database server.
 */
final class StoppablePostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final List<String> postmasterCommand;
    private final String url;
    private ProcessHandle postmaster;

    StoppablePostgres(String database) {
        try {
            dataDirectory = Files.createTempDirectory("baton-pg-");
            Files.delete(dataDirectory);
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
            // the postmaster that serves this data directory (zonky's own process is a launcher)
            postmaster = ProcessHandle.allProcesses()
                    .filter(h -> h.info().command().orElse("").endsWith("/postgres")
                            && List.of(h.info().arguments().orElse(new String[0])).contains(dataDirectory.toString()))
                    .findFirst().orElseThrow();
            ProcessHandle.Info info = postmaster.info();
            postmasterCommand = new ArrayList<>();
            postmasterCommand.add(info.command().orElseThrow());
            postmasterCommand.addAll(List.of(info.arguments().orElseThrow()));
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
            url = server.getJdbcUrl("postgres", database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    String url() {
        return url;
    }

    /**
     * Fast shutdown (SIGINT, what pg_ctl stop -m fast sends; pg_ctl itself refuses to run as
     * root): open sessions are ended, running transactions roll back.
     */
    void stop() {
        run(List.of("kill", "-INT", String.valueOf(postmaster.pid())));
        try {
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop", e);
        }
    }

    /** The postmaster again, with the arguments it was first started with; returns once it accepts connections. */
    void start() {
        try {
            // as zonky does: in a user namespace, where root is not root and PostgreSQL agrees to run
            List<String> command = new ArrayList<>(List.of("unshare", "-U"));
            command.addAll(postmasterCommand);
            postmaster = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                return;
            } catch (Exception notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not come back", notYet);
                }
                Await.pause(200);
            }
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() throws IOException {
        // zonky stops the server of its data directory, whichever postmaster runs it now
        server.close();
        if (postmaster.isAlive()) {
            stop();
        }
    }
}
