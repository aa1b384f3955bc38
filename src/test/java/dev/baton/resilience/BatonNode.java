package dev.baton.resilience;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Baton as an operator runs it: the packaged jar in a JVM of its own (java -jar target/baton-*.jar). */
public final class BatonNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;

    public BatonNode(String name, List<String> settings) throws IOException {
        this(name, List.of("-Xmx384m"), settings);
    }

    /** A node started with these JVM flags and --settings. */
    public BatonNode(String name, List<String> jvmFlags, List<String> settings) throws IOException {
        this(name, packagedJar(), jvmFlags, settings);
    }

    /** A node started from this jar (the packaged one, or one extracted by Spring Boot's jar tools). */
    public BatonNode(String name, Path jar, List<String> jvmFlags, List<String> settings) throws IOException {
        this.name = name;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        settings.forEach(s -> command.add("--" + s));
        File log = Path.of("target", "cluster-" + name + ".log").toFile();
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Waits until /actuator/health answers UP. */
    public void awaitReady(long timeoutMillis) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see target/cluster-" + name + ".log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Await.pause(250);
        }
        throw new IllegalStateException(name + " did not start within " + timeoutMillis + " ms");
    }

    /** What the node has logged so far (stdout and stderr). */
    public String log() throws IOException {
        return Files.readString(Path.of("target", "cluster-" + name + ".log"));
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size of the node's JVM, from /proc (Linux). */
    public long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    public static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("baton-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/baton-*.jar: run after mvn package"));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
