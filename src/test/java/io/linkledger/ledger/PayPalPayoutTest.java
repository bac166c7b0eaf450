package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.linkledger.ledger.PayPalStubs.Item;
import tools.jackson.databind.JsonNode;

/**
 * PayPal Payouts as PayPal behaves (stubs built on its published samples, checked against its
 * OpenAPI document): money goes back only when PayPal confirms an item failed or came back;
 * what is uncertain is UNKNOWN, held, resubmitted with the same sender_batch_id and reconciled;
 * every item is followed until it is final.
 */
class PayPalPayoutTest extends LedgerApiTest {

    private static final String BATCH = "5UXD2E8A7EBQJ";

    @Autowired
    PayPalPayouts payouts;

    @Autowired
    PaymentRepository payments;

    @BeforeEach
    void token() {
        payPal.token();
    }

    private Map<String, Object> viaPayPal(String... memberIds) {
        return Map.of("provider", "PAYPAL", "items", Arrays.stream(memberIds).map(id -> Map.of("memberId", id)).toList());
    }

    private JsonNode refresh(String paymentId) {
        return api.post("/api/v1/payments/" + paymentId + "/refresh", Map.of()).json();
    }

    private JsonNode payment(String paymentId) {
        return api.get("/api/v1/payments/" + paymentId).json();
    }

    private static List<Item> items(JsonNode payment, String... statuses) {
        return java.util.stream.IntStream.range(0, statuses.length)
                .mapToObj(i -> Item.of(payment.get("items").get(i), statuses[i])).toList();
    }

    private List<LoggedRequest> submissions() {
        return PAYPAL.findAll(postRequestedFor(urlEqualTo(PayPalStubs.PAYOUTS)));
    }

    @Test
    void payoutCompletesWhenPayPalReportsSuccess() {
        String ada = newPayPalMember("Ada PayPal", "ada@paypal.example.test");
        approved(ada, "30.00");
        fund("100.00");
        payPal.created(BATCH);
        JsonNode booked = created(pay("paypal-1", viaPayPal(ada)));
        String id = booked.get("id").asString();

        assertThat(booked.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(booked.get("providerBatchId").asString()).isEqualTo(BATCH);
        assertThat(paidEvents.of(brand.id())).isEmpty();
        PAYPAL.verify(postRequestedFor(urlEqualTo(PayPalStubs.PAYOUTS))
                .withHeader("Authorization", equalTo("Bearer A21AA_constructed_placeholder_token"))
                .withRequestBody(matchingJsonPath("$.sender_batch_header.sender_batch_id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.items[0].receiver", equalTo("ada@paypal.example.test")))
                .withRequestBody(matchingJsonPath("$.items[0].amount.value", equalTo("30.00")))
                .withRequestBody(matchingJsonPath("$.items[0].sender_item_id",
                        equalTo(booked.get("items").get(0).get("id").asString()))));

        payPal.batch(BATCH, id, "PROCESSING", items(booked, "PENDING"));
        assertThat(refresh(id).get("status").asString()).isEqualTo("PROCESSING");

        payPal.batch(BATCH, id, "SUCCESS", items(booked, "SUCCESS"));
        JsonNode paid = refresh(id);
        refresh(id);
        assertThat(paid.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(paid.get("items").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("items").get(0).get("providerStatus").asString()).isEqualTo("SUCCESS");
        assertThat(paidEvents.of(brand.id())).hasSize(1);
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("30.00");
        assertThat(balance().get("available").asString()).isEqualTo("70.00");
    }

    @Test
    void failedItemGivesItsMoneyBackOnce() {
        String ada = newPayPalMember("Ada Fine", "ada.fine@paypal.example.test");
        String bob = newPayPalMember("Bob Unregistered", "bob@nowhere.example.test");
        approved(ada, "30.00");
        approved(bob, "20.00");
        fund("60.00");
        payPal.created(BATCH);
        JsonNode payment = created(pay("paypal-2", viaPayPal(ada, bob)));
        String id = payment.get("id").asString();
        assertThat(balance().get("available").asString()).isEqualTo("10.00");

        boolean adaFirst = payment.get("items").get(0).get("memberId").asString().equals(ada);
        payPal.batch(BATCH, id, "SUCCESS", items(payment, adaFirst ? "SUCCESS" : "FAILED",
                adaFirst ? "FAILED" : "SUCCESS"));
        JsonNode refreshed = refresh(id);
        refresh(id);

        assertThat(refreshed.get("status").asString()).isEqualTo("PARTIALLY_FAILED");
        assertThat(balance().get("available").asString()).isEqualTo("30.00");
        assertThat(overviewOf(bob).get("owed").asString()).isEqualTo("20.00");
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("30.00");
        JsonNode bobItem = api.get("/api/v1/payments?memberId=" + bob).json().get("items").get(0);
        assertThat(bobItem.get("status").asString()).isEqualTo("FAILED");
        assertThat(bobItem.get("failureReason").asString()).contains("RECEIVER_UNREGISTERED");
        assertThat(paidEvents.of(brand.id())).extracting(e -> e.memberId().toString()).containsExactly(ada);
    }

    /**
     * The defect this guards against: a lost answer, then PayPal's duplicate-batch error, was
     * taken as a failure; the money went back and a second payment paid the member twice.
     */
    @Test
    void lostAnswerIsUnknownUntilTheDuplicateErrorsLinkFindsTheBatch() {
        String ada = newPayPalMember("Ada Retry", "ada.retry@paypal.example.test");
        approved(ada, "15.00");
        fund("15.00");
        payPal.connectionReset();
        JsonNode payment = created(pay("paypal-3", viaPayPal(ada)));
        String id = payment.get("id").asString();

        assertThat(payment.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(payment.get("items").get(0).get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(payment.get("statusDetail").asString()).contains("PayPal did not answer");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("0.00");
        // The money is held: paying the member again is refused, so nobody is paid twice.
        fund("15.00");
        problem(pay("paypal-3-again", viaPayPal(ada)), 400);

        payPal.duplicate(true);
        payPal.batch(PayPalStubs.LINKED_BATCH, id, "SUCCESS", items(payment, "SUCCESS"));
        JsonNode refreshed = refresh(id);

        assertThat(refreshed.get("providerBatchId").asString()).isEqualTo(PayPalStubs.LINKED_BATCH);
        assertThat(refreshed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(submissions()).hasSize(2).allSatisfy(r -> assertThat(r.getBodyAsString())
                .contains("\"sender_batch_id\":\"" + id + "\""));
        assertThat(balance().get("available").asString()).isEqualTo("15.00");
        assertThat(paidEvents.of(brand.id())).hasSize(1);
    }

    @Test
    void duplicateWithoutLinkStaysUnknownUntilTheBrandMatchesTheBatch() {
        String ada = newPayPalMember("Ada Nolink", "ada.nolink@paypal.example.test");
        approved(ada, "12.00");
        fund("12.00");
        payPal.serverError(500);
        String id = created(pay("paypal-4", viaPayPal(ada))).get("id").asString();
        payPal.duplicate(false);
        JsonNode unknown = refresh(id);

        assertThat(unknown.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("statusDetail").asString()).contains("gave no link");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");

        payPal.batch("OTHERBATCH01", "someone-else", "SUCCESS", items(unknown, "SUCCESS"));
        JsonNode refused = problem(api.post("/api/v1/payments/" + id + "/reconcile",
                Map.of("payoutBatchId", "OTHERBATCH01")), 400);
        assertThat(refused.get("detail").asString()).contains("not for this payment");

        payPal.batch("G4E6WJE6Y4853", id, "SUCCESS", items(unknown, "SUCCESS"));
        JsonNode matched = api.post("/api/v1/payments/" + id + "/reconcile", Map.of("payoutBatchId", "G4E6WJE6Y4853"))
                .json();
        assertThat(matched.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(matched.get("providerBatchId").asString()).isEqualTo("G4E6WJE6Y4853");
    }

    @Test
    void refusalOfAResubmissionReturnsNoMoneyWhileTheFirstSubmissionIsUnknown() {
        String ada = newPayPalMember("Ada Refused Later", "ada.later@paypal.example.test");
        approved(ada, "9.00");
        fund("9.00");
        payPal.connectionReset();
        String id = created(pay("paypal-5", viaPayPal(ada))).get("id").asString();
        payPal.insufficientFunds();
        JsonNode refreshed = refresh(id);

        assertThat(refreshed.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(refreshed.get("statusDetail").asString()).contains("INSUFFICIENT_FUNDS");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("0.00");
    }

    @Test
    void batchRefusedOnItsOnlySubmissionFailsAndGivesTheMoneyBack() {
        String ada = newPayPalMember("Ada Refused", "ada.refused@paypal.example.test");
        String bob = newPayPalMember("Bob Refused", "bob.refused@paypal.example.test");
        approved(ada, "12.00");
        approved(bob, "3.00");
        fund("15.00");
        payPal.insufficientFunds();
        JsonNode failed = created(pay("paypal-6", viaPayPal(ada)));
        payPal.validationError();
        JsonNode invalid = created(pay("paypal-6b", viaPayPal(bob)));

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("items").get(0).get("failureReason").asString()).contains("INSUFFICIENT_FUNDS");
        assertThat(invalid.get("status").asString()).isEqualTo("FAILED");
        assertThat(invalid.get("items").get(0).get("failureReason").asString()).contains("VALIDATION_ERROR");
        assertThat(balance().get("available").asString()).isEqualTo("15.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("12.00");
        assertThat(paidEvents.of(brand.id())).isEmpty();
    }

    @Test
    void unclaimedItemIsHeldThenReturnedWhenPayPalGivesTheMoneyBack() {
        String ada = newPayPalMember("Ada Unclaimed", "ppuser@example.com");
        approved(ada, "6.37");
        fund("10.00");
        payPal.created(BATCH);
        JsonNode payment = created(pay("paypal-7", viaPayPal(ada)));
        String id = payment.get("id").asString();
        // PayPal's own sample: the batch is SUCCESS, its item UNCLAIMED (RECEIVER_UNREGISTERED).
        payPal.batch(BATCH, id, "SUCCESS", items(payment, "UNCLAIMED"));
        JsonNode held = refresh(id);

        assertThat(held.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(held.get("items").get(0).get("status").asString()).isEqualTo("PROCESSING");
        assertThat(held.get("items").get(0).get("providerStatus").asString()).isEqualTo("UNCLAIMED");
        assertThat(balance().get("available").asString()).isEqualTo("3.63");

        // 30 days later PayPal returns the unclaimed money; the poller is still following the item.
        clock.set(Instant.now().plus(Duration.ofDays(31)));
        payPal.batch(BATCH, id, "SUCCESS", items(payment, "RETURNED"));
        payouts.poll();

        JsonNode returned = payment(id);
        assertThat(returned.get("status").asString()).isEqualTo("FAILED");
        assertThat(returned.get("items").get(0).get("status").asString()).isEqualTo("RETURNED");
        assertThat(balance().get("available").asString()).isEqualTo("10.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("6.37");
        assertThat(paidEvents.of(brand.id())).isEmpty();
    }

    @Test
    void paidItemIsFollowedAndARefundLaterBooksTheMoneyBackOnce() throws Exception {
        String ada = newPayPalMember("Ada Refunded", "ada.refunded@paypal.example.test");
        approved(ada, "25.00");
        fund("25.00");
        payPal.created(BATCH);
        JsonNode payment = created(pay("paypal-8", viaPayPal(ada)));
        String id = payment.get("id").asString();
        payPal.batch(BATCH, id, "SUCCESS", items(payment, "SUCCESS"));
        assertThat(refresh(id).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(payments.find(brand.id(), java.util.UUID.fromString(id)).orElseThrow().nextCheckAt())
                .as("a paid item is still followed").isNotNull();

        clock.set(Instant.now().plus(Duration.ofDays(2)));
        payPal.batch(BATCH, id, "SUCCESS", items(payment, "REFUNDED"));
        // Two nodes polling at once: each payment is taken by one of them.
        CompletableFuture<Void> one = CompletableFuture.runAsync(payouts::poll);
        CompletableFuture<Void> two = CompletableFuture.runAsync(payouts::poll);
        CompletableFuture.allOf(one, two).get();

        JsonNode returned = payment(id);
        assertThat(returned.get("status").asString()).isEqualTo("FAILED");
        assertThat(returned.get("items").get(0).get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("items").get(0).get("returnedAt").asString()).isNotBlank();
        assertThat(balance().get("available").asString()).isEqualTo("25.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("25.00");
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("0.00");
        assertThat(count("select count(*) from ledger_entries where brand_id = ? and type = 'PAYMENT_RETURNED'",
                brand.id())).isEqualTo(1);
        assertThat(payments.find(brand.id(), java.util.UUID.fromString(id)).orElseThrow().nextCheckAt())
                .as("a final item is no longer followed").isNull();
    }

    @Test
    void aPaidItemIsNoLongerPolledAfterItsFollowPeriodButAFinalOneNeverIs() {
        String ada = newPayPalMember("Ada Done", "ada.done@paypal.example.test");
        approved(ada, "5.00");
        fund("5.00");
        payPal.created(BATCH);
        JsonNode payment = created(pay("paypal-9", viaPayPal(ada)));
        String id = payment.get("id").asString();
        payPal.batch(BATCH, id, "SUCCESS", items(payment, "SUCCESS"));
        refresh(id);

        clock.set(Instant.now().plus(Duration.ofDays(200)));
        payouts.poll();
        assertThat(payments.find(brand.id(), java.util.UUID.fromString(id)).orElseThrow().nextCheckAt()).isNull();
        PAYPAL.resetRequests();
        payouts.poll();
        assertThat(PAYPAL.findAll(getRequestedFor(urlPathEqualTo(PayPalStubs.PAYOUTS + "/" + BATCH)))).isEmpty();
    }

    @Test
    void memberWithoutPayPalEmailCannotBePaidByPayPal() {
        String ada = newMember("Ada No PayPal");
        approved(ada, "10.00");
        fund("10.00");
        JsonNode problem = problem(pay("paypal-10", viaPayPal(ada)), 400);
        assertThat(problem.get("detail").asString()).contains("PayPal email");
        assertThat(submissions()).isEmpty();
    }
}
