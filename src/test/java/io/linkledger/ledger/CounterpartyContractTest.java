package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published samples our stubs are built on keep to the counterparties' published OpenAPI
 * documents, and the check is able to fail: a sample changed the way a hand-written stub would
 * drift is refused.
 */
class CounterpartyContractTest {

    private final OpenApiContract payPal = OpenApiContract.payPal();
    private final OpenApiContract stripe = OpenApiContract.stripe();

    @Test
    void payPalSamplesKeepToPayPalsSchemas() {
        assertThat(payPal.validate("#/components/schemas/error",
                OpenApiContract.read("paypal/error-400-duplicate-sender-batch-id.json"), false)).isEmpty();
        assertThat(payPal.validate("#/components/schemas/error",
                OpenApiContract.read("paypal/error-400-validation-error.json"), false)).isEmpty();
        assertThat(payPal.validate("#/components/schemas/payout_batch",
                OpenApiContract.read("paypal/get-payout-batch-200-with-unclaimed-item.json"), false)).isEmpty();
        assertThat(payPal.validate("#/components/schemas/payout_batch_items",
                OpenApiContract.read("paypal/get-payout-item-200-unclaimed.json"), false)).isEmpty();
        assertThat(payPal.validate("#/components/schemas/payout_batch_items",
                OpenApiContract.read("paypal/webhook-PAYMENT.PAYOUTS-ITEM.SUCCEEDED.json").get("resource"), false))
                .isEmpty();
        // PayPal's published example puts the placeholder "cert_url" where its schema asks for a URI.
        ObjectNode verify = (ObjectNode) OpenApiContract.read("paypal/verify-webhook-signature-request.example.json");
        assertThat(payPal.validate("#/components/schemas/verify_webhook_signature", verify, false))
                .singleElement().satisfies(problem -> assertThat(problem).contains("cert_url"));
        verify.put("cert_url", "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77");
        assertThat(payPal.validate("#/components/schemas/verify_webhook_signature", verify, false)).isEmpty();
    }

    @Test
    void aPayPalStubThatDriftsIsRefused() {
        ObjectNode noDebugId = (ObjectNode) OpenApiContract.read("paypal/error-400-duplicate-sender-batch-id.json");
        noDebugId.remove("debug_id");
        assertThat(payPal.validate("#/components/schemas/error", noDebugId, false)).isNotEmpty();
        ObjectNode badStatus = (ObjectNode) OpenApiContract.read("paypal/get-payout-batch-200-with-unclaimed-item.json");
        ((ObjectNode) badStatus.get("items").get(0)).put("transaction_status", "PAID");
        assertThat(payPal.validate("#/components/schemas/payout_batch", badStatus, false))
                .anySatisfy(problem -> assertThat(problem).contains("transaction_status"));
    }

    @Test
    void stripeFixturesKeepToStripesSchemas() {
        JsonNode fixtures = OpenApiContract.read("stripe/fixtures3.extract.json").get("resources");
        for (String object : new String[] {"customer", "payment_intent", "payment_method", "setup_intent"}) {
            assertThat(stripe.validate("#/components/schemas/" + object, fixtures.get(object), false))
                    .as(object).isEmpty();
        }
        for (String error : new String[] {"error-402-card_error.CONSTRUCTED.json", "error-500-api_error.CONSTRUCTED.json",
                "error-401-invalid-api-key.json", "error-400-idempotency_error.CONSTRUCTED.json"}) {
            assertThat(stripe.validate("#/components/schemas/error", OpenApiContract.read("stripe/" + error), false))
                    .as(error).isEmpty();
        }
    }

    @Test
    void aStripeStubThatDriftsIsRefused() {
        ObjectNode intent = (ObjectNode) OpenApiContract.read("stripe/fixtures3.extract.json").get("resources")
                .get("payment_intent");
        intent.put("status", "paid");
        assertThat(stripe.validate("#/components/schemas/payment_intent", intent, false)).isNotEmpty();
        ObjectNode noObject = (ObjectNode) OpenApiContract.read("stripe/fixtures3.extract.json").get("resources")
                .get("customer");
        noObject.remove("id");
        assertThat(stripe.validate("#/components/schemas/customer", noObject, false)).isNotEmpty();
    }
}
