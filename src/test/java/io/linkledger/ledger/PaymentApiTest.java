package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class PaymentApiTest extends LedgerApiTest {

    private static Map<String, Object> payAll(String... memberIds) {
        return Map.of("items", java.util.Arrays.stream(memberIds).map(id -> Map.of("memberId", id)).toList());
    }

    private static Map<String, Object> payPart(String memberId, String amount) {
        return Map.of("items", List.of(Map.of("memberId", memberId, "amount", amount)));
    }

    /** The defect this guards against: "Pay" with the manual provider marked members paid though no money moved. */
    @Test
    void manualPaymentHoldsTheMoneyUntilTheBrandConfirmsTheTransfer() {
        String ada = newMember("Ada Paid");
        String bob = newMember("Bob Paid");
        approved(ada, "30.00");
        approved(bob, "20.00");
        fund("100.00");

        JsonNode payment = created(pay("pay-1", payAll(ada, bob)));
        String id = payment.get("id").asString();
        assertThat(payment.get("status").asString()).isEqualTo("AWAITING_TRANSFER");
        assertThat(payment.get("provider").asString()).isEqualTo("MANUAL");
        assertThat(payment.get("total").asString()).isEqualTo("50.00");
        assertThat(payment.get("items")).hasSize(2).allSatisfy(item ->
                assertThat(item.get("status").asString()).isEqualTo("AWAITING_TRANSFER"));
        assertThat(balance().get("available").asString()).as("the money is reserved").isEqualTo("50.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("0.00");
        assertThat(overviewOf(ada).get("paid").asString()).as("nothing was sent yet").isEqualTo("0.00");
        assertThat(paidEvents.of(brand.id())).isEmpty();

        JsonNode confirmed = api.post("/api/v1/payments/" + id + "/confirm-transfer", Map.of()).json();
        JsonNode again = api.post("/api/v1/payments/" + id + "/confirm-transfer", Map.of()).json();

        assertThat(confirmed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(confirmed.get("transferConfirmedBy").asString()).isNotBlank();
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode line = overviewOf(ada);
        assertThat(line.get("paid").asString()).isEqualTo("30.00");
        assertThat(line.get("lastPaymentAt").asString()).isNotBlank();
        assertThat(balance().get("available").asString()).isEqualTo("50.00");
        List<MemberPaid> events = paidEvents.of(brand.id());
        assertThat(events).hasSize(2);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.memberId().toString()).isEqualTo(ada);
            assertThat(e.amount().toDecimalString()).isEqualTo("30.00");
            assertThat(e.paymentId().toString()).isEqualTo(id);
        });
    }

    @Test
    void eachMemberIsEmailedAPaymentNoticeWhenTheirPayoutCompletes() {
        String ada = createMember("Ada Noticed", "ada.noticed+" + UUID.randomUUID() + "@example.test").get("id")
                .asString();
        approved(ada, "30.00");
        fund("30.00");
        String id = created(pay("notice-1", payAll(ada))).get("id").asString();
        assertThat(api.get("/api/v1/emails?memberId=" + ada).json().get("items")).isEmpty();

        api.post("/api/v1/payments/" + id + "/confirm-transfer", Map.of());
        api.post("/api/v1/payments/" + id + "/confirm-transfer", Map.of());

        JsonNode emails = api.get("/api/v1/emails?memberId=" + ada).json().get("items");
        assertThat(emails).hasSize(1);
        JsonNode notice = emails.get(0);
        assertThat(notice.get("category").asString()).isEqualTo("payment-notice");
        assertThat(notice.get("subject").asString()).contains("paid you $30.00");
        assertThat(notice.get("to").asString()).startsWith("ada.noticed+");
        assertThat(notice.get("text").asString()).contains("Hi Ada").contains("$30.00");
    }

    @Test
    void manualPaymentCancelledBeforeAnyTransferGivesTheMoneyBack() {
        String ada = newMember("Ada Cancelled");
        approved(ada, "30.00");
        fund("30.00");
        String id = created(pay("cancel-1", payAll(ada))).get("id").asString();

        JsonNode cancelled = api.post("/api/v1/payments/" + id + "/cancel", Map.of("reason", "wrong member")).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("FAILED");
        assertThat(cancelled.get("items").get(0).get("failureReason").asString()).contains("wrong member");
        assertThat(balance().get("available").asString()).isEqualTo("30.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("30.00");
        problem(api.post("/api/v1/payments/" + id + "/confirm-transfer", Map.of()), 409);
        assertThat(paidEvents.of(brand.id())).isEmpty();
    }

    @Test
    void partPaymentLeavesTheRestOwed() {
        String ada = newMember("Ada Part");
        approved(ada, "30.00");
        fund("100.00");
        created(pay("part-1", payPart(ada, "12.50")));
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("17.50");
        problem(pay("part-2", payPart(ada, "17.51")), 400);
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("17.50");
    }

    @Test
    void shortBalanceIsConflictSayingHowMuchIsMissing() {
        String ada = newMember("Ada Short");
        approved(ada, "80.00");
        fund("50.00");
        long before = entries();

        JsonNode problem = problem(pay("short-1", payAll(ada)), 409);
        assertThat(problem.get("detail").asString()).contains("short by 30.00 USD");

        assertThat(entries()).isEqualTo(before);
        assertThat(count("select count(*) from payments where brand_id = ?", brand.id())).isZero();
        assertThat(balance().get("available").asString()).isEqualTo("50.00");
    }

    @Test
    void retriedPaymentWithSameKeyPaysOnce() {
        String ada = newMember("Ada Retry");
        approved(ada, "40.00");
        fund("100.00");

        Api.Response first = pay("retry-1", payPart(ada, "10.00"));
        Api.Response second = pay("retry-1", payPart(ada, "10.00"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(balance().get("available").asString()).isEqualTo("90.00");
        assertThat(count("select count(*) from payments where brand_id = ?", brand.id())).isEqualTo(1);

        problem(pay("retry-1", payPart(ada, "11.00")), 422);
        assertThat(balance().get("available").asString()).isEqualTo("90.00");
    }

    @Test
    void retryListingTheSameAmountsInAnotherOrderAndSpellingIsTheSamePayment() {
        String ada = newMember("Ada Spelling");
        String bob = newMember("Bob Spelling");
        approved(ada, "40.00");
        approved(bob, "40.00");
        fund("100.00");

        Api.Response first = pay("spelling-1", Map.of("items", List.of(Map.of("memberId", ada, "amount", "10.50"),
                Map.of("memberId", bob))));
        Api.Response again = pay("spelling-1", Map.of("items", List.of(Map.of("memberId", bob),
                Map.of("memberId", ada, "amount", "10.5"))));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(balance().get("available").asString()).isEqualTo("49.50");
    }

    @Test
    void fiftyConcurrentPaymentsNeverOverdraw() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String member = newMember("Concurrent " + i);
            approved(member, "100.00");
            members.add(member);
        }
        fund("20.00");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String member = members.get(i % members.size());
            String key = "concurrent-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return pay(key, payPart(member, "1.00"));
            }));
        }
        start.countDown();
        int paid = 0;
        int refused = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            if (response.status() == 201) {
                paid++;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(paid).isEqualTo(20);
        assertThat(refused).isEqualTo(30);
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(journal.balance(brand.id(), USD, AccountKind.BRAND_CASH)).isZero();
    }

    @Test
    void reversalAfterPaymentNetsAgainstNextPayment() {
        String ada = newMember("Ada Clawback");
        Conversion first = approved(ada, "25.00");
        fund("100.00");
        confirm(created(pay("claw-1", payAll(ada))));

        first.reverse();
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("-25.00");
        problem(pay("claw-2", payAll(ada)), 400);

        approved(ada, "40.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("15.00");
        JsonNode next = confirm(created(pay("claw-3", payAll(ada))));
        assertThat(next.get("total").asString()).isEqualTo("15.00");
        assertThat(balance().get("available").asString()).isEqualTo("60.00");
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("40.00");
    }

    @Test
    void badPaymentRequestsAreRejectedAndWriteNothing() {
        String ada = newMember("Ada Bad");
        approved(ada, "10.00");
        fund("100.00");
        long before = entries();

        JsonNode noKey = problem(api.post("/api/v1/payments", payAll(ada)), 400);
        assertThat(noKey.get("detail").asString()).contains("Idempotency-Key");
        problem(pay("bad-1", Map.of("items", List.of())), 400);
        problem(pay("bad-2", payPart(ada, "-1")), 400);
        problem(pay("bad-3", payAll(ada, ada)), 400);
        problem(pay("bad-4", payAll(UUID.randomUUID().toString())), 400);
        problem(pay("bad-5", Map.of("items", List.of(Map.of("memberId", ada)), "provider", "CHEQUE")), 400);
        String stranger = newMember("Ada Owed Nothing");
        problem(pay("bad-6", payAll(ada, stranger)), 400);

        assertThat(entries()).isEqualTo(before);
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("10.00");
    }

    @Test
    void paymentsAreListedPerBrandAndPerMemberAndExportAsPayPalAndBankFiles() {
        String ada = newPayPalMember("Ada Csv", "ada.paypal@example.test");
        String bob = newMember("Bob Csv");
        approved(ada, "30.00");
        approved(bob, "5.00");
        fund("100.00");
        String id = created(pay("csv-1", payAll(ada, bob))).get("id").asString();

        JsonNode list = api.get("/api/v1/payments").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);
        JsonNode mine = api.get("/api/v1/payments?memberId=" + ada).json().get("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("amount").asString()).isEqualTo("30.00");
        assertThat(mine.get(0).get("status").asString()).isEqualTo("AWAITING_TRANSFER");

        Api.Response csv = api.get("/api/v1/payments/" + id + "/payouts.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String adaReference = ada.replace("-", "").substring(2);
        assertThat(adaReference).hasSize(30);
        assertThat(csv.body()).contains("ada.paypal@example.test,30.00,USD," + adaReference + ",Commission payout");
        assertThat(csv.body().lines()).hasSize(2);

        Api.Response bank = api.get("/api/v1/payments/" + id + "/bank-transfers.csv");
        assertThat(bank.body().lines().findFirst().orElseThrow()).isEqualTo("name,email,amount,currency,reference");
        assertThat(bank.body()).contains("Ada Csv,ada.paypal@example.test,30.00,USD,").contains("Bob Csv,");
        assertThat(bank.body().lines()).hasSize(3);
    }

    @Test
    void anotherBrandsPaymentIsNotFound() {
        String ada = newMember("Ada Private");
        approved(ada, "10.00");
        fund("10.00");
        String id = created(pay("private-1", payAll(ada))).get("id").asString();
        String otherKey = brands.createKey(brands.create("Other brand").id(), "other").plainText();
        problem(api.withKey(otherKey).get("/api/v1/payments/" + id), 404);
        problem(api.withKey(otherKey).get("/api/v1/payments/" + id + "/payouts.csv"), 404);
    }
}
