package io.linkledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a separate process, as in production, for the crash tests: started
 * with the given environment on its own port, ready once {@code /actuator/health} answers 200,
 * and ended with SIGKILL ({@link #kill}) or SIGTERM ({@link #stop}). Each start appends to its
 * own log file under the work directory, named in every failure message.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path workDir;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    /** A node on a free port; {@code environment} comes on top of this JVM's (the database, keys, backends). */
    public AppProcess(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.port = freePort();
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("SERVER_PORT", String.valueOf(port));
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar, its output in {@code <logName>.log}, and waits until it is healthy. */
    public AppProcess start(String logName) throws IOException, InterruptedException {
        Path log = workDir.resolve(logName + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                Path.of(System.getProperty("linkledger.jar", "target/linkledger-0.1.0-SNAPSHOT.jar")).toAbsolutePath()
                        .toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited while starting; see " + log.toAbsolutePath());
            }
            if (healthy()) {
                return this;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("The server was not healthy within " + START_TIMEOUT + "; see "
                + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook runs, nothing in memory is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + process.pid() + " outlived SIGKILL for 30 s");
        }
    }

    /** SIGTERM and a graceful shutdown; whether it ended within a minute. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
