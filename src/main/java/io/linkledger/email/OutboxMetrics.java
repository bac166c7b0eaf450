package io.linkledger.email;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Exposes how many emails wait for delivery, read from the outbox when metrics are scraped. */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRepository outbox) {
        Gauge.builder("linkledger.email.outbox.backlog", outbox, OutboxRepository::countQueued)
                .description("Emails queued and not yet delivered")
                .register(registry);
    }
}
