package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The brand's card through Stripe's official library, against stubs built on Stripe's own
 * fixtures and error bodies (checked against Stripe's OpenAPI after each test): cards saved
 * with an off-session SetupIntent, top-ups booked only once Stripe says they succeeded, and
 * every kind of Stripe error told apart.
 */
class StripeCardTest extends LedgerApiTest {

    @Autowired
    CardCharges charges;

    private JsonNode linkCard() {
        stripe.linking();
        return created(api.post("/api/v1/payment-methods", Map.of("paymentMethodId", stripe.cardId)));
    }

    private Api.Response topUp(String key, String amount) {
        return api.send(api.request("/api/v1/balance/top-ups").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}")));
    }

    private Api.Response webhook(String payload) {
        return api.withKey(null).send(api.withKey(null).request("/webhooks/stripe")
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeStubs.signature(payload, STRIPE_WEBHOOK_SECRET,
                        clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    /** The PaymentIntent Stripe made for our last create request, as its webhooks and lists show it. */
    private tools.jackson.databind.node.ObjectNode intentOfLastRequest(String status, long amount) {
        Map<String, String> request = stripe.paymentIntentRequests().getLast();
        return stripe.paymentIntent(status, amount, Map.of(
                StripeCards.CHARGE, request.get("metadata[" + StripeCards.CHARGE + "]"),
                StripeCards.ATTEMPT, request.get("metadata[" + StripeCards.ATTEMPT + "]"),
                StripeCards.BRAND, brand.id().toString()));
    }

    @Test
    void cardIsSavedWithAnOffSessionSetupIntentAndIdempotencyKeys() {
        JsonNode card = linkCard();

        assertThat(card.get("cardBrand").asString()).isEqualTo("visa");
        assertThat(card.get("last4").asString()).isEqualTo("4242");
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Authorization", matching("Bearer sk_test_ledger"))
                .withHeader("Idempotency-Key", matching("ll-customer-[0-9a-f]{64}")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/setup_intents"))
                .withHeader("Idempotency-Key", matching("ll-[0-9a-f]{64}"))
                .withRequestBody(containing("customer=" + stripe.customerId))
                .withRequestBody(containing("payment_method=" + stripe.cardId))
                .withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("usage=off_session")));

        created(api.post("/api/v1/payment-methods", Map.of("paymentMethodId", stripe.cardId)));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/customers")));
    }

    @Test
    void cardWhoseBankAsksForAuthenticationIsLinkedOnceTheCardholderConfirmed() {
        stripe.customer();
        stripe.createSetupIntent("requires_action", stripe.cardId);
        Api.Response pending = api.post("/api/v1/payment-methods", Map.of("paymentMethodId", stripe.cardId));

        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().get("status").asString()).isEqualTo("REQUIRES_ACTION");
        assertThat(pending.json().get("clientSecret").asString()).startsWith(stripe.setupId + "_secret_");
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).isEmpty();

        // Stripe.js confirmed it with the cardholder; the SetupIntent has succeeded.
        stripe.retrieveSetupIntent("succeeded", stripe.cardId);
        stripe.card();
        JsonNode linked = created(api.post("/api/v1/payment-methods/setup-intents/" + stripe.setupId + "/complete",
                Map.of()));
        assertThat(linked.get("last4").asString()).isEqualTo("4242");
    }

    @Test
    void cardFormSetUpIsStartedForTheBrowserAndCompletedAfterStripeJs() {
        stripe.customer();
        stripe.createSetupIntent("requires_payment_method", null);
        JsonNode setup = created(api.post("/api/v1/payment-methods/setup-intents", Map.of()));

        assertThat(setup.get("setupIntentId").asString()).isEqualTo(stripe.setupId);
        assertThat(setup.get("clientSecret").asString()).startsWith(stripe.setupId + "_secret_");
        assertThat(setup.get("publishableKey").asString()).isEqualTo("pk_test_ledger");
        assertThat(stripe.requests("/v1/setup_intents").getFirst().getBodyAsString()).doesNotContain("confirm=")
                .contains("usage=off_session");

        stripe.retrieveSetupIntent("requires_action", stripe.cardId);
        assertThat(api.post("/api/v1/payment-methods/setup-intents/" + stripe.setupId + "/complete", Map.of())
                .status()).isEqualTo(202);
        stripe.retrieveSetupIntent("succeeded", stripe.cardId);
        stripe.card();
        created(api.post("/api/v1/payment-methods/setup-intents/" + stripe.setupId + "/complete", Map.of()));
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).hasSize(1);
    }

    @Test
    void setupIntentSucceededWebhookLinksTheCardOnce() {
        stripe.customer();
        stripe.createSetupIntent("requires_payment_method", null);
        created(api.post("/api/v1/payment-methods/setup-intents", Map.of()));
        stripe.card();
        String event = StripeStubs.event("evt_setup_" + brand.id(), "setup_intent.succeeded",
                stripe.setupIntent("succeeded", stripe.cardId));

        Api.Response first = webhook(event);
        Api.Response again = webhook(event);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asString()).contains("linked");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("already received");
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).hasSize(1);
    }

    @Test
    void topUpThatSucceededIsBookedOnce() {
        linkCard();
        stripe.createPaymentIntent("succeeded", 2500);

        Api.Response first = topUp("top-up-1", "25.00");
        Api.Response again = topUp("top-up-1", "25.00");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("available").asString()).isEqualTo("25.00");
        assertThat(first.json().get("topUp").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.status()).isEqualTo(201);
        assertThat(balance().get("available").asString()).isEqualTo("25.00");
        List<Map<String, String>> requests = stripe.paymentIntentRequests();
        assertThat(requests).hasSize(1);
        Map<String, String> request = requests.getFirst();
        assertThat(request.get("Idempotency-Key")).matches("ll-[0-9a-f]{64}");
        assertThat(request).containsEntry("amount", "2500").containsEntry("currency", "usd")
                .containsEntry("customer", stripe.customerId).containsEntry("payment_method", stripe.cardId)
                .containsEntry("off_session", "true").containsEntry("confirm", "true")
                .containsEntry("metadata[" + StripeCards.ATTEMPT + "]", "1");
        problem(topUp("top-up-1", "30.00"), 422);
    }

    /** The defect this guards against: a processing PaymentIntent was a 402, and its later success was never booked. */
    @Test
    void processingTopUpIsPendingAndBookedWhenItsWebhookSaysItSucceeded() {
        linkCard();
        stripe.createPaymentIntent("processing", 2500);

        Api.Response pending = topUp("top-up-2", "25.00");

        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().get("topUp").get("status").asString()).isEqualTo("PROCESSING");
        assertThat(pending.json().get("pendingTopUps").asString()).isEqualTo("25.00");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(balance().get("pendingTopUps").asString()).isEqualTo("25.00");
        assertThat(entries()).isZero();

        String succeeded = StripeStubs.event("evt_pi_ok_" + brand.id(), "payment_intent.succeeded",
                intentOfLastRequest("succeeded", 2500));
        assertThat(webhook(succeeded).json().get("outcome").asString()).contains("SUCCEEDED");
        assertThat(webhook(succeeded).json().get("outcome").asString()).isEqualTo("already received");

        assertThat(balance().get("available").asString()).isEqualTo("25.00");
        assertThat(balance().get("pendingTopUps").asString()).isEqualTo("0.00");
        assertThat(topUp("top-up-2", "25.00").status()).isEqualTo(201);
        assertThat(balance().get("available").asString()).isEqualTo("25.00");
    }

    @Test
    void processingTopUpIsBookedByThePollWhenNoWebhookCame() {
        linkCard();
        stripe.createPaymentIntent("processing", 4000);
        assertThat(topUp("top-up-3", "40.00").status()).isEqualTo(202);
        stripe.retrievePaymentIntent("succeeded", 4000, Map.of());
        clock.set(Instant.now().plus(Duration.ofMinutes(1)));

        charges.follow();
        charges.follow();

        assertThat(balance().get("available").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/v1/balance/top-ups").json().get("items").get(0).get("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void paymentFailedWebhookMarksAProcessingTopUpDeclinedAndBooksNothing() {
        linkCard();
        stripe.createPaymentIntent("processing", 1500);
        topUp("top-up-4", "15.00");

        webhook(StripeStubs.event("evt_pi_failed_" + brand.id(), "payment_intent.payment_failed",
                intentOfLastRequest("requires_payment_method", 1500)));

        JsonNode charge = api.get("/api/v1/balance/top-ups").json().get("items").get(0);
        assertThat(charge.get("status").asString()).isEqualTo("DECLINED");
        assertThat(charge.get("failureReason").asString()).contains("generic_decline");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(entries()).isZero();
    }

    @Test
    void declineIsPaymentRequiredWithTheReasonAndARetryIsANewAttempt() {
        linkCard();
        stripe.failPaymentIntent(402, "error-402-card_error.CONSTRUCTED.json");

        JsonNode declined = problem(topUp("top-up-5", "25.00"), 402);

        assertThat(declined.get("detail").asString()).contains("4242").contains("Your card was declined")
                .contains("generic_decline");
        assertThat(entries()).isZero();
        stripe.createPaymentIntent("succeeded", 2500);
        assertThat(topUp("top-up-5", "25.00").status()).isEqualTo(201);
        List<Map<String, String>> requests = stripe.paymentIntentRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).get("Idempotency-Key")).as("Stripe would replay the decline under the same key")
                .isNotEqualTo(requests.get(0).get("Idempotency-Key"));
        assertThat(requests.get(1).get("metadata[" + StripeCards.ATTEMPT + "]")).isEqualTo("2");
    }

    @Test
    void stripeServerErrorIsTryAgainAndTheRetryFindsTheSamePaymentIntent() {
        linkCard();
        stripe.failPaymentIntent(500, "error-500-api_error.CONSTRUCTED.json");

        JsonNode unknown = problem(topUp("top-up-6", "25.00"), 503);

        assertThat(unknown.get("detail").asString()).contains("same Idempotency-Key").doesNotContain("declined");
        assertThat(entries()).isZero();
        stripe.listPaymentIntents(List.of());
        stripe.createPaymentIntent("succeeded", 2500);
        assertThat(topUp("top-up-6", "25.00").status()).isEqualTo(201);
        List<Map<String, String>> requests = stripe.paymentIntentRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).get("Idempotency-Key")).isEqualTo(requests.get(0).get("Idempotency-Key"));
    }

    @Test
    void chargeWhoseAnswerWasLostIsFoundByItsMetadataAndBooked() {
        linkCard();
        stripe.failPaymentIntent(500, "error-500-api_error.CONSTRUCTED.json");
        problem(topUp("top-up-7", "12.00"), 503);
        stripe.listPaymentIntents(List.of(intentOfLastRequest("succeeded", 1200)));

        clock.set(Instant.now().plus(Duration.ofMinutes(1)));
        charges.follow();

        assertThat(balance().get("available").asString()).isEqualTo("12.00");
        assertThat(api.get("/api/v1/balance/top-ups").json().get("items").get(0).get("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void chargeStripeNeverCreatedIsTriedAgainUnderANewKey() {
        linkCard();
        stripe.failPaymentIntent(500, "error-500-api_error.CONSTRUCTED.json");
        problem(topUp("top-up-8", "12.00"), 503);
        stripe.listPaymentIntents(List.of());
        clock.set(Instant.now().plus(Duration.ofMinutes(5)));
        stripe.createPaymentIntent("succeeded", 1200);

        assertThat(topUp("top-up-8", "12.00").status()).isEqualTo(201);

        List<Map<String, String>> requests = stripe.paymentIntentRequests();
        assertThat(requests.getLast().get("Idempotency-Key")).isNotEqualTo(requests.getFirst().get("Idempotency-Key"));
        assertThat(balance().get("available").asString()).isEqualTo("12.00");
    }

    @Test
    void refusedKeyIsAClearProblemForTheBrandNotAServerError() {
        linkCard();
        stripe.failPaymentIntent(401, "error-401-invalid-api-key.json");

        JsonNode refused = problem(topUp("top-up-9", "10.00"), 409);

        assertThat(refused.get("detail").asString()).contains("secret key").contains("administrator");
        stripe.failPaymentIntent(400, "error-400-idempotency_error.CONSTRUCTED.json");
        JsonNode reused = problem(topUp("top-up-10", "10.00"), 409);
        assertThat(reused.get("detail").asString()).contains("reuse");
        assertThat(entries()).isZero();
    }

    @Test
    void paymentShortfallIsChargedToTheLinkedCard() {
        String ada = newMember("Ada Card");
        approved(ada, "30.00");
        fund("10.00");
        linkCard();
        stripe.createPaymentIntent("succeeded", 2000);

        JsonNode payment = created(pay("card-pay-1", Map.of("items", List.of(Map.of("memberId", ada)))));

        assertThat(payment.get("charged").asString()).isEqualTo("20.00");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(stripe.paymentIntentRequests()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("amount", "2000"));
    }

    @Test
    void shortfallWhoseCardPaymentIsProcessingMakesNoPaymentUntilItSucceeded() {
        String ada = newMember("Ada Processing");
        approved(ada, "30.00");
        fund("10.00");
        linkCard();
        stripe.createPaymentIntent("processing", 2000);

        JsonNode refused = problem(pay("card-pay-2", Map.of("items", List.of(Map.of("memberId", ada)))), 409);

        assertThat(refused.get("detail").asString()).contains("processing");
        assertThat(api.get("/api/v1/payments").json().get("items")).isEmpty();
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("30.00");
        webhook(StripeStubs.event("evt_short_" + brand.id(), "payment_intent.succeeded",
                intentOfLastRequest("succeeded", 2000)));
        JsonNode payment = created(pay("card-pay-2", Map.of("items", List.of(Map.of("memberId", ada)))));
        assertThat(payment.get("charged").asString()).isEqualTo("20.00");
        assertThat(stripe.paymentIntentRequests()).hasSize(1);
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
    }

    @Test
    void webhookWithoutAValidSignatureChangesNothing() {
        linkCard();
        stripe.createPaymentIntent("processing", 2500);
        topUp("top-up-11", "25.00");
        String payload = StripeStubs.event("evt_forged_" + brand.id(), "payment_intent.succeeded",
                intentOfLastRequest("succeeded", 2500));

        Api.Response forged = api.withKey(null).send(api.withKey(null).request("/webhooks/stripe")
                .header("Stripe-Signature", StripeStubs.signature(payload, "whsec_someone_else",
                        clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
        Api.Response stale = api.withKey(null).send(api.withKey(null).request("/webhooks/stripe")
                .header("Stripe-Signature", StripeStubs.signature(payload, STRIPE_WEBHOOK_SECRET,
                        clock.instant().getEpochSecond() - 3600))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));

        problem(forged, 401);
        problem(stale, 401);
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(count("select count(*) from provider_events where event_id = ?", "evt_forged_" + brand.id()))
                .isZero();
    }

    @Test
    void topUpWithoutCardIsConflictAndACardStripeRefusesIsABadRequest() {
        problem(topUp("no-card", "5.00"), 409);
        stripe.customer();
        stripe.failSetupIntent(400, "error-400-invalid_request_error.stripe-java-fixture.json");
        JsonNode problem = problem(api.post("/api/v1/payment-methods", Map.of("paymentMethodId", "pm_nope")), 400);
        assertThat(problem.get("detail").asString()).contains("Received unknown parameter");
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).isEmpty();
    }

    @Test
    void amountsAboveTheMaximumAreRefusedAtTheEdge() {
        linkCard();
        JsonNode refused = problem(topUp("too-much", "1000000000.01"), 400);
        assertThat(refused.get("detail").asString()).contains("1000000000.00");
        assertThat(stripe.paymentIntentRequests()).isEmpty();
    }
}
