package io.linkledger.ledger;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.linkledger.shared.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PayPal's payout webhooks ({@code PAYMENT.PAYOUTS-ITEM.*}, {@code PAYMENT.PAYOUTSBATCH.*}),
 * after their signature verified: kept once per event id, then applied as polling would apply
 * the same news. An event that could not be applied is kept and retried; PayPal has its 2xx.
 */
@Component
class PayPalWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PayPalWebhooks.class);
    private static final String PROVIDER = "PAYPAL";

    private final ProviderEventRepository events;
    private final PayPalPayouts payouts;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PayPalWebhooks(ProviderEventRepository events, PayPalPayouts payouts, Clock clock) {
        this.events = events;
        this.payouts = payouts;
        this.clock = clock;
    }

    /** Keeps and applies a verified event; what became of it, for the acknowledgement. */
    String receive(String body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("The webhook body is not JSON");
        }
        String id = event.path("id").asString("");
        String type = event.path("event_type").asString("");
        if (id.isBlank() || type.isBlank() || id.length() > 100 || type.length() > 100) {
            throw ProblemException.badRequest("The webhook event has no id or event_type");
        }
        if (!events.insert(PROVIDER, id, type, body, clock.instant())) {
            return "already received";
        }
        return apply(id, type, event);
    }

    private String apply(String id, String type, JsonNode event) {
        try {
            String outcome = process(type, event.path("resource"));
            events.processed(PROVIDER, id, outcome, clock.instant());
            return outcome;
        } catch (RuntimeException e) {
            log.warn("PayPal event {} ({}) kept, not applied yet: {}", id, type, e.getMessage());
            return "kept; applied later";
        }
    }

    private String process(String type, JsonNode resource) {
        if (type.startsWith("PAYMENT.PAYOUTS-ITEM.")) {
            PayPalClient.ItemStatus item = PayPalClient.item(resource);
            if (item.transactionStatus().isBlank()) {
                item = new PayPalClient.ItemStatus(item.payoutItemId(), item.payoutBatchId(), item.senderItemId(),
                        PayPalItemStatus.ofEvent(type), item.error());
            }
            return payouts.onItemEvent(item);
        }
        if (type.startsWith("PAYMENT.PAYOUTSBATCH.")) {
            JsonNode header = resource.path("batch_header");
            return payouts.onBatchEvent(header.path("sender_batch_header").path("sender_batch_id").asString(null),
                    header.path("payout_batch_id").asString(null));
        }
        return "ignored";
    }

    /** Events kept but not applied (the database or a lock was in the way) are applied again. */
    @Scheduled(fixedDelayString = "${linkledger.money.paypal.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.paypal.poll-interval:PT5M}")
    void retry() {
        for (ProviderEventRepository.Received kept : events.unprocessed(PROVIDER,
                clock.instant().minus(Duration.ofMinutes(1)), 100)) {
            apply(kept.eventId(), kept.eventType(), json.readTree(kept.payload()));
        }
    }
}
