package io.linkledger.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clicks topic, created by the application when it is absent (brokers need not allow
 * automatic creation). With three replicas or more, a write needs two in-sync replicas
 * ({@code min.insync.replicas=2}), so that an acknowledged click is on two brokers at least. An
 * existing topic is left as it is: partitions and replicas are changed with Kafka's own tools.
 */
class ClickTopic {

    private static final Logger log = LoggerFactory.getLogger(ClickTopic.class);

    private final Admin admin;
    private final String name;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;
    private volatile boolean ready;

    ClickTopic(Admin admin, String name, int partitions, short replicationFactor, Duration timeout) {
        this.admin = admin;
        this.name = name;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    String name() {
        return name;
    }

    /** Whether the topic exists, creating it if needed; false (and logged) when Kafka cannot be asked now. */
    boolean ensure() {
        if (ready) {
            return true;
        }
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        if (replicationFactor >= 3) {
            topic.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        }
        try {
            admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs((int) timeout.toMillis())).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created the Kafka topic {}: {} partitions, replication factor {}", name, partitions,
                    replicationFactor);
            ready = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ready = true;
            } else {
                log.warn("Could not create the Kafka topic {}: {}", name, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("Could not create the Kafka topic {}: Kafka did not answer within {} ms", name, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ready;
    }
}
