package io.linkledger.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real 3-broker Kafka cluster for tests ({@code @ExtendWith(KafkaCluster.class)}). When
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} is set (the CI starts the cluster before the suite and
 * stops it after), that cluster is used; otherwise {@code .ci/kafka/cluster.sh start} starts one
 * (or finds it running) and it is left running for the next test class and run: stop it with
 * {@code .ci/kafka/cluster.sh stop}. The script honours {@code KAFKA_DIR} and
 * {@code KAFKA_BASE_PORT} from the environment, as do {@link #kill} and {@link #restart}, which
 * therefore act on the cluster the script manages there.
 *
 * <p>A test hands the cluster to its application context with
 * {@code registry.add("spring.kafka.bootstrap-servers", KafkaCluster::bootstrapServers)} in a
 * {@code @DynamicPropertySource} method.
 */
public final class KafkaCluster implements BeforeAllCallback {

    private static final Path SCRIPT = Path.of(".ci/kafka/cluster.sh");
    private static String bootstrap;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrapServers();
    }

    /** The cluster's bootstrap servers, starting the cluster first if no running one was given. */
    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            String given = System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            if (given != null && !given.isBlank()) {
                bootstrap = given;
            } else {
                run("start");
                bootstrap = run("bootstrap").strip();
            }
        }
        return bootstrap;
    }

    /** {@code kill -9} of broker 1, 2 or 3. */
    public static void kill(int broker) {
        run("kill", String.valueOf(broker));
    }

    /** Starts the broker again and waits until no partition is under-replicated. */
    public static void restart(int broker) {
        run("restart", String.valueOf(broker));
    }

    /** Runs a command of the cluster script from the repository root; its output, or an error with it. */
    private static String run(String... args) {
        if (!Files.isExecutable(SCRIPT)) {
            throw new IllegalStateException(SCRIPT.toAbsolutePath() + " is missing: run the tests from the repository root");
        }
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
