package io.linkledger.ledger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Stripe's webhooks after their {@code Stripe-Signature} verified: kept once per event id,
 * then applied. {@code payment_intent.succeeded} books a top-up that was processing or whose
 * answer was lost; {@code payment_intent.payment_failed} marks it declined (nothing was booked);
 * {@code setup_intent.succeeded} links the card the brand saved. Other events are acknowledged
 * and ignored.
 */
@Component
class StripeWebhooks {

    private static final String PROVIDER = "STRIPE";

    private final WebhookInbox inbox;
    private final CardProcessor processor;
    private final CardCharges charges;
    private final PaymentMethods methods;

    StripeWebhooks(WebhookInbox inbox, CardProcessor processor, CardCharges charges, PaymentMethods methods) {
        this.inbox = inbox;
        this.processor = processor;
        this.charges = charges;
        this.methods = methods;
    }

    String receive(String payload, String signature) {
        CardProcessor.Event event = processor.verify(payload, signature);
        return inbox.receive(PROVIDER, event.id(), event.type(), payload, () -> apply(event));
    }

    private String apply(CardProcessor.Event event) {
        return switch (event.type()) {
            case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.processing" ->
                    event.charge() == null ? "ignored" : charges.onEvent(event.charge());
            case "setup_intent.succeeded" -> event.setup() == null ? "ignored" : methods.onSetupSucceeded(event.setup());
            default -> "ignored";
        };
    }

    /** Events kept but not applied are applied again (their signature verified when they came). */
    @Scheduled(fixedDelayString = "${linkledger.money.stripe.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.stripe.poll-interval:PT5M}")
    @SchedulerLock(name = "stripe-webhooks",
            lockAtMostFor = "${linkledger.jobs.stripe-webhooks.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void retry() {
        inbox.retry(PROVIDER, kept -> apply(processor.parse(kept.payload())));
    }
}
