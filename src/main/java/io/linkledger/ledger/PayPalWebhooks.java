package io.linkledger.ledger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.shared.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PayPal's payout webhooks ({@code PAYMENT.PAYOUTS-ITEM.*}, {@code PAYMENT.PAYOUTSBATCH.*}),
 * after their signature verified: kept once per event id, then applied as polling would apply
 * the same news.
 */
@Component
class PayPalWebhooks {

    private static final String PROVIDER = "PAYPAL";

    private final WebhookInbox inbox;
    private final PayPalPayouts payouts;
    private final JsonMapper json = JsonMapper.builder().build();

    PayPalWebhooks(WebhookInbox inbox, PayPalPayouts payouts) {
        this.inbox = inbox;
        this.payouts = payouts;
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
        return inbox.receive(PROVIDER, id, type, body, () -> apply(type, event.path("resource")));
    }

    private String apply(String type, JsonNode resource) {
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

    @Scheduled(fixedDelayString = "${linkledger.money.paypal.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.paypal.poll-interval:PT5M}")
    @SchedulerLock(name = "paypal-webhooks",
            lockAtMostFor = "${linkledger.jobs.paypal-webhooks.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void retry() {
        inbox.retry(PROVIDER, kept -> apply(kept.eventType(), json.readTree(kept.payload()).path("resource")));
    }
}
