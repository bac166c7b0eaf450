package io.linkledger.tracking;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * In kafka mode a node whose redirects cannot reach Kafka answers every tracked click with a 503,
 * so health is DOWN when the cluster does not answer: a load balancer then sends the traffic to a
 * node that can.
 */
class KafkaHealth implements HealthIndicator {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealth(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down().withDetail("reason", "the Kafka cluster did not answer within "
                    + timeout.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted while asking Kafka").build();
        }
    }
}
