package io.linkledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/paypal/payouts}: register this address for the PAYMENT.PAYOUTS-ITEM.*
 * and PAYMENT.PAYOUTSBATCH.* events of the PayPal app whose credentials this server uses, and
 * set its webhook id as {@code linkledger.money.paypal.webhook-id}. The signature is checked
 * first, on the raw bytes; a verified event is acknowledged with a 200 at once (a redelivery too).
 */
@RestController
class PayPalWebhookController {

    private final PayPalWebhookVerifier verifier;
    private final PayPalWebhooks webhooks;

    PayPalWebhookController(PayPalWebhookVerifier verifier, PayPalWebhooks webhooks) {
        this.verifier = verifier;
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/webhooks/paypal/payouts", consumes = "*/*")
    Map<String, String> receive(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        verifier.verify(body, headers);
        return Map.of("outcome", webhooks.receive(new String(body, StandardCharsets.UTF_8)));
    }
}
