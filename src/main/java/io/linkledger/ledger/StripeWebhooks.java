package io.linkledger.ledger;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stripe's webhooks after their {@code Stripe-Signature} verified: kept once per event id,
 * then applied. {@code payment_intent.succeeded} books a top-up that was processing or whose
 * answer was lost; {@code payment_intent.payment_failed} marks it declined (nothing was booked);
 * {@code setup_intent.succeeded} links the card the brand saved. Other events are acknowledged
 * and ignored.
 */
@Component
class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private static final String PROVIDER = "STRIPE";

    private final ProviderEventRepository events;
    private final CardProcessor processor;
    private final CardCharges charges;
    private final PaymentMethods methods;
    private final Clock clock;

    StripeWebhooks(ProviderEventRepository events, CardProcessor processor, CardCharges charges,
            PaymentMethods methods, Clock clock) {
        this.events = events;
        this.processor = processor;
        this.charges = charges;
        this.methods = methods;
        this.clock = clock;
    }

    String receive(String payload, String signature) {
        CardProcessor.Event event = processor.verify(payload, signature);
        if (!events.insert(PROVIDER, event.id(), event.type(), payload, clock.instant())) {
            return "already received";
        }
        return apply(event);
    }

    private String apply(CardProcessor.Event event) {
        try {
            String outcome = switch (event.type()) {
                case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.processing" ->
                        event.charge() == null ? "ignored" : charges.onEvent(event.charge());
                case "setup_intent.succeeded" ->
                        event.setup() == null ? "ignored" : methods.onSetupSucceeded(event.setup());
                default -> "ignored";
            };
            events.processed(PROVIDER, event.id(), outcome, clock.instant());
            return outcome;
        } catch (RuntimeException e) {
            log.warn("Stripe event {} ({}) kept, not applied yet: {}", event.id(), event.type(), e.getMessage());
            return "kept; applied later";
        }
    }

    /** Events kept but not applied are applied again (their signature verified when they came). */
    @Scheduled(fixedDelayString = "${linkledger.money.stripe.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.stripe.poll-interval:PT5M}")
    void retry() {
        for (ProviderEventRepository.Received kept : events.unprocessed(PROVIDER,
                clock.instant().minus(Duration.ofMinutes(1)), 100)) {
            apply(processor.parse(kept.payload()));
        }
    }
}
