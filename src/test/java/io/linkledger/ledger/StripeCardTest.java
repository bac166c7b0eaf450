package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/** The Stripe adapter against WireMock stubs shaped like Stripe's documented API answers. */
class StripeCardTest extends LedgerApiTest {

    private static final String CUSTOMER = """
            {"id": "cus_QfR8zDnk1lQm2X", "object": "customer", "name": "Test brand", "livemode": false}""";
    private static final String ATTACHED = """
            {"id": "pm_1QfR9aLkdIwHu7ixCardVisa", "object": "payment_method", "type": "card",
             "customer": "cus_QfR8zDnk1lQm2X", "livemode": false,
             "card": {"brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028, "funding": "credit",
                      "country": "US"}}""";

    private static String succeeded(long amount) {
        return """
                {"id": "pi_3QfRA1LkdIwHu7ix0x9S2b1c", "object": "payment_intent", "amount": %d,
                 "amount_received": %d, "currency": "usd", "customer": "cus_QfR8zDnk1lQm2X",
                 "payment_method": "pm_1QfR9aLkdIwHu7ixCardVisa", "status": "succeeded", "livemode": false}"""
                .formatted(amount, amount);
    }

    private void stubLinking() {
        WIREMOCK.stubFor(post(urlEqualTo("/v1/customers")).willReturn(okJson(CUSTOMER)));
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payment_methods/pm_card_visa/attach"))
                .withRequestBody(containing("customer=cus_QfR8zDnk1lQm2X"))
                .willReturn(okJson(ATTACHED)));
    }

    private JsonNode linkCard() {
        stubLinking();
        return created(api.post("/api/v1/payment-methods", Map.of("paymentMethodId", "pm_card_visa")));
    }

    private Api.Response topUp(String key, String amount) {
        return api.send(api.request("/api/v1/balance/top-ups").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}")));
    }

    @Test
    void linkedCardTopsUpTheBalanceOnce() {
        JsonNode card = linkCard();
        assertThat(card.get("cardBrand").asString()).isEqualTo("visa");
        assertThat(card.get("last4").asString()).isEqualTo("4242");
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson(succeeded(2500))));

        assertThat(topUp("top-up-1", "25.00").status()).isEqualTo(201);
        assertThat(topUp("top-up-1", "25.00").status()).isEqualTo(201);

        assertThat(balance().get("available").asString()).isEqualTo("25.00");
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer sk_test_ledger"))
                .withHeader("Idempotency-Key", matching("ll-[0-9a-f]{64}"))
                .withRequestBody(containing("amount=2500"))
                .withRequestBody(containing("currency=usd"))
                .withRequestBody(containing("customer=cus_QfR8zDnk1lQm2X"))
                .withRequestBody(containing("payment_method=pm_1QfR9aLkdIwHu7ixCardVisa"))
                .withRequestBody(containing("off_session=true"))
                .withRequestBody(containing("confirm=true")));
    }

    @Test
    void declinedCardIsPaymentRequiredAndBooksNothing() {
        linkCard();
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": "card_declined", "decline_code": "insufficient_funds",
                          "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                          "message": "Your card has insufficient funds.", "type": "card_error",
                          "payment_intent": {"id": "pi_3QfRB2LkdIwHu7ix1d2e3f4g", "object": "payment_intent",
                                             "status": "requires_payment_method"}}}""")));

        JsonNode problem = problem(topUp("declined-1", "25.00"), 402);
        assertThat(problem.get("detail").asString()).contains("insufficient funds").contains("4242");
        assertThat(entries()).isZero();
    }

    @Test
    void paymentShortfallIsChargedToTheLinkedCard() {
        String ada = newMember("Ada Card");
        approved(ada, "30.00");
        fund("10.00");
        linkCard();
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson(succeeded(2000))));

        JsonNode payment = created(pay("card-pay-1", Map.of("items", List.of(Map.of("memberId", ada)))));
        assertThat(payment.get("charged").asString()).isEqualTo("20.00");
        assertThat(payment.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("amount=2000")));
    }

    @Test
    void topUpWithoutCardIsConflictAndUnknownCardIsRejected() {
        problem(topUp("no-card", "5.00"), 409);
        WIREMOCK.stubFor(post(urlEqualTo("/v1/customers")).willReturn(okJson(CUSTOMER)));
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payment_methods/pm_nope/attach")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": "resource_missing", "param": "payment_method",
                          "message": "No such PaymentMethod: 'pm_nope'", "type": "invalid_request_error",
                          "doc_url": "https://stripe.com/docs/error-codes/resource-missing"}}""")));
        JsonNode problem = problem(api.post("/api/v1/payment-methods", Map.of("paymentMethodId", "pm_nope")), 400);
        assertThat(problem.get("detail").asString()).contains("No such PaymentMethod");
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).isEmpty();
    }
}
