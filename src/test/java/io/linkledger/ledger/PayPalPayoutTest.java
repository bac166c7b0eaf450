package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/** The PayPal Payouts adapter against WireMock stubs shaped like PayPal's documented answers. */
class PayPalPayoutTest extends LedgerApiTest {

    private static final String BATCH = "5UXD2E8A7EBQJ";

    @BeforeEach
    void token() {
        WIREMOCK.stubFor(post(urlEqualTo("/v1/oauth2/token"))
                .withBasicAuth("test-client", "test-secret")
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(okJson("""
                        {"scope": "https://uri.paypal.com/services/payments/payouts",
                         "access_token": "A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg",
                         "token_type": "Bearer", "app_id": "APP-80W284485P519543T", "expires_in": 31668,
                         "nonce": "2026-11-21T23:00:00ZaYZ6p2a1n3Q"}""")));
    }

    private void stubCreated() {
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payments/payouts")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"batch_header": {"payout_batch_id": "%s", "batch_status": "PENDING",
                          "sender_batch_header": {"sender_batch_id": "any", "email_subject": "You have a payout"}},
                         "links": [{"href": "https://api-m.sandbox.paypal.com/v1/payments/payouts/%s",
                                    "rel": "self", "method": "GET", "encType": "application/json"}]}"""
                        .formatted(BATCH, BATCH))));
    }

    /** GET batch answering each of our items with the given transaction_status, in order. */
    private void stubBatch(String batchStatus, JsonNode items, String... statuses) {
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            JsonNode item = items.get(i);
            String errors = statuses[i].equals("FAILED")
                    ? ", \"errors\": {\"name\": \"RECEIVER_UNREGISTERED\", \"message\": \"Receiver is unregistered\"}"
                    : "";
            rendered.add("""
                    {"payout_item_id": "8AELMXH8UB2P%d", "transaction_id": "0C413693MN970190K",
                     "transaction_status": "%s", "payout_batch_id": "%s",
                     "payout_item_fee": {"currency": "USD", "value": "0.00"},
                     "payout_item": {"recipient_type": "EMAIL", "amount": {"value": "%s", "currency": "USD"},
                                     "note": "Commission payout", "receiver": "%s", "sender_item_id": "%s"},
                     "time_processed": "2026-11-21T23:10:00Z"%s}"""
                    .formatted(i, statuses[i], BATCH, item.get("amount").asString(), item.get("receiver").asString(),
                            item.get("id").asString(), errors));
        }
        WIREMOCK.stubFor(get(urlPathEqualTo("/v1/payments/payouts/" + BATCH)).willReturn(okJson("""
                {"batch_header": {"payout_batch_id": "%s", "batch_status": "%s",
                  "time_created": "2026-11-21T23:00:00Z",
                  "sender_batch_header": {"sender_batch_id": "any", "email_subject": "You have a payout"},
                  "amount": {"currency": "USD", "value": "0.00"}, "fees": {"currency": "USD", "value": "0.00"}},
                 "items": [%s], "links": []}""".formatted(BATCH, batchStatus, String.join(",", rendered)))));
    }

    private Map<String, Object> viaPayPal(String... memberIds) {
        return Map.of("provider", "PAYPAL",
                "items", java.util.Arrays.stream(memberIds).map(id -> Map.of("memberId", id)).toList());
    }

    @Test
    void payPalPayoutCompletesWhenPollingSeesSuccess() {
        String ada = newPayPalMember("Ada PayPal", "ada@paypal.example.test");
        approved(ada, "30.00");
        fund("100.00");
        stubCreated();

        JsonNode payment = created(pay("paypal-1", viaPayPal(ada)));
        String id = payment.get("id").asString();
        assertThat(payment.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(payment.get("providerBatchId").asString()).isEqualTo(BATCH);
        assertThat(paidEvents.of(brand.id())).isEmpty();
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo("/v1/payments/payouts"))
                .withHeader("Authorization", equalTo("Bearer A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg"))
                .withRequestBody(matchingJsonPath("$.sender_batch_header.sender_batch_id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.items[0].receiver", equalTo("ada@paypal.example.test")))
                .withRequestBody(matchingJsonPath("$.items[0].amount.value", equalTo("30.00")))
                .withRequestBody(matchingJsonPath("$.items[0].amount.currency", equalTo("USD"))));

        stubBatch("PROCESSING", payment.get("items"), "PENDING");
        assertThat(api.post("/api/v1/payments/" + id + "/refresh", Map.of()).json().get("status").asString())
                .isEqualTo("PROCESSING");

        stubBatch("SUCCESS", payment.get("items"), "SUCCESS");
        JsonNode refreshed = api.post("/api/v1/payments/" + id + "/refresh", Map.of()).json();
        assertThat(refreshed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(refreshed.get("items").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(paidEvents.of(brand.id())).hasSize(1);
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("30.00");
        assertThat(balance().get("available").asString()).isEqualTo("70.00");
    }

    @Test
    void failedItemReturnsMoneyToTheBalanceOnce() {
        String ada = newPayPalMember("Ada Fine", "ada.fine@paypal.example.test");
        String bob = newPayPalMember("Bob Unregistered", "bob@nowhere.example.test");
        approved(ada, "30.00");
        approved(bob, "20.00");
        fund("60.00");
        stubCreated();
        JsonNode payment = created(pay("paypal-2", viaPayPal(ada, bob)));
        String id = payment.get("id").asString();
        assertThat(balance().get("available").asString()).isEqualTo("10.00");

        JsonNode items = payment.get("items");
        boolean adaFirst = items.get(0).get("memberId").asString().equals(ada);
        stubBatch("SUCCESS", items, adaFirst ? "SUCCESS" : "FAILED", adaFirst ? "FAILED" : "SUCCESS");
        JsonNode refreshed = api.post("/api/v1/payments/" + id + "/refresh", Map.of()).json();
        api.post("/api/v1/payments/" + id + "/refresh", Map.of());

        assertThat(refreshed.get("status").asString()).isEqualTo("PARTIALLY_FAILED");
        assertThat(balance().get("available").asString()).isEqualTo("30.00");
        assertThat(overviewOf(bob).get("owed").asString()).isEqualTo("20.00");
        assertThat(overviewOf(bob).get("paid").asString()).isEqualTo("0.00");
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("30.00");
        JsonNode bobItem = api.get("/api/v1/payments?memberId=" + bob).json().get("items").get(0);
        assertThat(bobItem.get("status").asString()).isEqualTo("FAILED");
        assertThat(bobItem.get("failureReason").asString()).contains("RECEIVER_UNREGISTERED");
        assertThat(paidEvents.of(brand.id())).extracting(e -> e.memberId().toString()).containsExactly(ada);
    }

    @Test
    void lostAnswerIsResubmittedWithTheSameSenderBatchId() {
        String ada = newPayPalMember("Ada Retry", "ada.retry@paypal.example.test");
        approved(ada, "15.00");
        fund("15.00");
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payments/payouts")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\": \"SERVICE_UNAVAILABLE\", \"message\": \"Service Unavailable.\"}")));
        JsonNode payment = created(pay("paypal-3", viaPayPal(ada)));
        String id = payment.get("id").asString();
        assertThat(payment.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(payment.get("providerBatchId").isNull()).isTrue();

        // PayPal did create the batch; the resubmission is refused as a duplicate pointing at it.
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payments/payouts")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"name": "USER_BUSINESS_ERROR", "message": "User business error.",
                         "debug_id": "f0a6c5ab8f2c3",
                         "information_link": "https://developer.paypal.com/docs/api/payments.payouts-batch/#errors",
                         "details": [{"field": "SENDER_BATCH_ID",
                                      "issue": "Batch with given sender_batch_id already exists"}],
                         "links": [{"href": "https://api-m.sandbox.paypal.com/v1/payments/payouts/%s",
                                    "rel": "self", "method": "GET", "encType": "application/json"}]}"""
                        .formatted(BATCH))));
        stubBatch("SUCCESS", payment.get("items"), "SUCCESS");
        JsonNode refreshed = api.post("/api/v1/payments/" + id + "/refresh", Map.of()).json();

        assertThat(refreshed.get("providerBatchId").asString()).isEqualTo(BATCH);
        assertThat(refreshed.get("status").asString()).isEqualTo("COMPLETED");
        List<LoggedRequest> posts = WIREMOCK.findAll(postRequestedFor(urlEqualTo("/v1/payments/payouts")));
        assertThat(posts).hasSize(2);
        assertThat(posts).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"sender_batch_id\":\"" + id + "\""));
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
    }

    @Test
    void memberWithoutPayPalEmailCannotBePaidByPayPal() {
        String ada = newMember("Ada No PayPal");
        approved(ada, "10.00");
        fund("10.00");
        JsonNode problem = problem(pay("paypal-4", viaPayPal(ada)), 400);
        assertThat(problem.get("detail").asString()).contains("PayPal email");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlEqualTo("/v1/payments/payouts")))).isEmpty();
    }

    @Test
    void batchRefusedByPayPalFailsEveryItemAndReturnsTheMoney() {
        String ada = newPayPalMember("Ada Refused", "ada.refused@paypal.example.test");
        approved(ada, "12.00");
        fund("12.00");
        WIREMOCK.stubFor(post(urlEqualTo("/v1/payments/payouts")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"name": "INSUFFICIENT_FUNDS", "message": "Sender does not have sufficient funds.",
                         "debug_id": "8a9f0e1b2c3d4",
                         "information_link": "https://developer.paypal.com/docs/api/payments.payouts-batch/#errors"}""")));

        JsonNode payment = created(pay("paypal-5", viaPayPal(ada)));

        assertThat(payment.get("status").asString()).isEqualTo("FAILED");
        assertThat(payment.get("items").get(0).get("failureReason").asString()).contains("INSUFFICIENT_FUNDS");
        assertThat(balance().get("available").asString()).isEqualTo("12.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("12.00");
        assertThat(paidEvents.of(brand.id())).isEmpty();
    }
}
