package io.linkledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.shared.ProblemException;

/**
 * {@code POST /webhooks/stripe}: register this address in Stripe (Developers, Webhooks) for
 * {@code payment_intent.succeeded}, {@code payment_intent.payment_failed},
 * {@code payment_intent.processing} and {@code setup_intent.succeeded}, and set its signing
 * secret ({@code whsec_...}) as {@code linkledger.money.stripe.webhook-secret}. The
 * Stripe-Signature is checked first, on the raw body; a verified event is acknowledged at once.
 */
@RestController
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/webhooks/stripe", consumes = "*/*")
    Map<String, String> receive(@RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        try {
            return Map.of("outcome", webhooks.receive(new String(body, StandardCharsets.UTF_8), signature));
        } catch (CardProcessor.BadSignature e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, e.getMessage());
        } catch (CardProcessor.Refused e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
