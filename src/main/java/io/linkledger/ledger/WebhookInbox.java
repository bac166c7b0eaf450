package io.linkledger.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every provider's webhook does after its signature verified: keep the event once per
 * (provider, event id), apply it, and say what became of it for the 2xx acknowledgement. An
 * event that could not be applied (the database in the way) is kept and applied again later.
 */
@Component
class WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

    private final ProviderEventRepository events;
    private final Clock clock;

    WebhookInbox(ProviderEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Keeps the event and applies it; "already received" for a redelivery. */
    String receive(String provider, String eventId, String eventType, String payload, Supplier<String> apply) {
        if (!events.insert(provider, eventId, eventType, payload, clock.instant())) {
            return "already received";
        }
        return apply(provider, eventId, eventType, apply);
    }

    /** Applies the provider's events that were kept but not applied, oldest first. */
    void retry(String provider, Function<ProviderEventRepository.Received, String> apply) {
        for (ProviderEventRepository.Received kept : events.unprocessed(provider,
                clock.instant().minus(Duration.ofMinutes(1)), 100)) {
            apply(provider, kept.eventId(), kept.eventType(), () -> apply.apply(kept));
        }
    }

    private String apply(String provider, String eventId, String eventType, Supplier<String> apply) {
        try {
            String outcome = apply.get();
            events.processed(provider, eventId, outcome, clock.instant());
            return outcome;
        } catch (RuntimeException e) {
            log.warn("{} event {} ({}) kept, not applied yet: {}", provider, eventId, eventType, e.getMessage());
            return "kept; applied later";
        }
    }
}
