package io.linkledger.conversions;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Postback and pixel intake is down when no flusher commits their batches: every one of them
 * would wait for its acknowledgement timeout and answer 503. A load balancer or orchestrator
 * watching {@code /actuator/health} then sees it, rather than a healthy node refusing conversions.
 */
@Component
class PostbackIntakeHealth implements HealthIndicator {

    private final PostbackBatcher batcher;

    PostbackIntakeHealth(PostbackBatcher batcher) {
        this.batcher = batcher;
    }

    @Override
    public Health health() {
        return batcher.flushing() ? Health.up().build()
                : Health.down().withDetail("reason", "the postback flusher is not running").build();
    }
}
