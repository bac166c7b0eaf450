package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.shared.Money;
import tools.jackson.databind.JsonNode;

class RemittanceApiTest extends LedgerApiTest {

    @Autowired
    RemittanceSettlement settlement;

    @Autowired
    RemittanceRepository remittances;

    private void octoberConversions() {
        clock.set(Instant.parse("2026-10-15T12:00:00Z"));
        String ada = newMember("Ada Remitted");
        new Conversion(ada).pending("10.00", "15.00").approve();
        new Conversion(ada).pending("20.00", "25.00").approve();
        new Conversion(ada).pending("99.00", "99.00");
        new Conversion(ada).pending("50.00", "50.00").approve().reverse();
    }

    @Test
    void remittanceIsPendingThenAvailableAfterThreeBusinessDays() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));

        JsonNode remittance = created(api.post("/api/v1/remittances",
                Map.of("network", "ShareASale", "period", "2026-10", "amount", "40.00", "currency", "USD")));
        assertThat(remittance.get("expected").asString()).isEqualTo("40.00");
        assertThat(remittance.get("received").asString()).isEqualTo("40.00");
        assertThat(remittance.get("availableOn").asString()).isEqualTo("2026-11-25");
        assertThat(remittance.get("status").asString()).isEqualTo("PENDING");
        assertThat(journal.balance(brand.id(), USD, AccountKind.NETWORK_RECEIVABLE)).isZero();

        JsonNode balance = balance();
        assertThat(balance.get("pending").asString()).isEqualTo("40.00");
        assertThat(balance.get("available").asString()).isEqualTo("0.00");

        clock.set(Instant.parse("2026-11-24T23:00:00Z"));
        settlement.settleAllDue();
        assertThat(balance().get("pending").asString()).isEqualTo("40.00");

        clock.set(Instant.parse("2026-11-25T00:30:00Z"));
        settlement.settleAllDue();
        balance = balance();
        assertThat(balance.get("pending").asString()).isEqualTo("0.00");
        assertThat(balance.get("available").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/v1/remittances").json().get("items").get(0).get("status").asString())
                .isEqualTo("AVAILABLE");
    }

    /** The defect this guards against: a due remittance stayed pending until someone read the balance. */
    @Test
    void readingTheBalanceSettlesNothingTheJobDoesAndTwoNodesSettleOnce() throws Exception {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")));
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(balance().get("pending").asString()).isEqualTo("40.00");

        // Two nodes run the job at the same moment.
        CompletableFuture<Void> one = CompletableFuture.runAsync(settlement::settleAllDue);
        CompletableFuture<Void> two = CompletableFuture.runAsync(settlement::settleAllDue);
        CompletableFuture.allOf(one, two).get();
        settlement.settleAllDue();

        assertThat(journal.balance(brand.id(), USD, AccountKind.BRAND_CASH)).isEqualTo(4000);
        assertThat(journal.balance(brand.id(), USD, AccountKind.BRAND_CASH_PENDING)).isZero();
        assertThat(count("select count(*) from ledger_entries where brand_id = ? and type = 'SETTLEMENT'", brand.id()))
                .isEqualTo(1);
    }

    /** The defect this guards against: an amount near the bigint limit was taken and made every balance unreadable. */
    @Test
    void anAmountAboveTheMaximumIsRefusedAndWritesNothing() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        long before = entries();
        for (String amount : java.util.List.of("92233720368547758.07", "1000000000.01", "1e30")) {
            JsonNode problem = problem(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", amount)),
                    400);
            assertThat(problem.get("detail").asString()).contains("at most 1000000000.00");
        }
        problem(api.post("/api/v1/balance/fundings", Map.of("amount", "92233720368547758.07")), 400);
        assertThat(entries()).isEqualTo(before);
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "1000000000.00")));
        assertThat(balance().get("pending").asString()).isEqualTo("1000000000.00");
    }

    @Test
    void aWrongRemittanceIsVoidedWithABalancingEntryAndTheRightOneRecorded() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        String wrong = created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "812.40")))
                .get("id").asString();
        problem(api.post("/api/v1/remittances/" + wrong + "/void", Map.of()), 400);

        JsonNode voided = api.post("/api/v1/remittances/" + wrong + "/void", Map.of("reason", "typed 812.40 for 81.24"))
                .json();
        api.post("/api/v1/remittances/" + wrong + "/void", Map.of("reason", "again"));

        assertThat(voided.get("status").asString()).isEqualTo("VOIDED");
        assertThat(voided.get("voidReason").asString()).isEqualTo("typed 812.40 for 81.24");
        assertThat(balance().get("pending").asString()).isEqualTo("0.00");
        assertThat(journal.balance(brand.id(), USD, AccountKind.NETWORK_RECEIVABLE)).as("expected again").isEqualTo(4000);
        assertThat(journal.balance(brand.id(), USD, AccountKind.REMITTANCE_VARIANCE)).isZero();
        assertThat(count("select count(*) from ledger_entries where brand_id = ? and type = 'REMITTANCE_VOID'",
                brand.id())).isEqualTo(1);

        JsonNode right = created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")));
        assertThat(right.get("expected").asString()).isEqualTo("40.00");
        assertThat(balance().get("pending").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/v1/remittances").json().get("items")).hasSize(2);
    }

    @Test
    void voidingASettledRemittanceTakesItOutOfTheAvailableBalance() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        String id = created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")))
                .get("id").asString();
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        settlement.settleAllDue();
        assertThat(balance().get("available").asString()).isEqualTo("40.00");

        api.post("/api/v1/remittances/" + id + "/void", Map.of("reason", "network took it back"));

        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(balance().get("pending").asString()).isEqualTo("0.00");
    }

    /**
     * A remittance booked before amounts were bounded (straight into the books here) made every
     * balance sum overflow; voiding it needs no balance, and afterwards balances read again.
     */
    @Test
    void aRemittanceThatMadeBalancesOverflowCanStillBeVoided() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")));
        java.util.UUID huge = java.util.UUID.randomUUID();
        Money enormous = new Money(Long.MAX_VALUE, USD);
        transactions.executeWithoutResult(tx -> {
            remittances.insert(new Remittance(huge, brand.id(), "LEGACY", java.time.YearMonth.parse("2026-09"),
                    Money.zero(USD), enormous, java.time.LocalDate.parse("2026-11-20"),
                    java.time.LocalDate.parse("2026-11-25"), "PENDING", clock.instant(), null, null, null));
            journal.post(brand.id(), USD, EntryType.REMITTANCE, huge.toString(), "legacy", null, java.util.List.of(
                    Line.debit(AccountKind.BRAND_CASH_PENDING, Long.MAX_VALUE),
                    Line.debit(AccountKind.REMITTANCE_VARIANCE, -Long.MAX_VALUE)));
        });
        JsonNode unreadable = problem(api.get("/api/v1/balance"), 409);
        assertThat(unreadable.get("detail").asString()).contains("Void the wrong remittance");

        JsonNode voided = api.post("/api/v1/remittances/" + huge + "/void", Map.of("reason", "amount overflowed"))
                .json();

        assertThat(voided.get("status").asString()).isEqualTo("VOIDED");
        assertThat(balance().get("pending").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/v1/payments/overview").status()).isEqualTo(200);
    }

    @Test
    void periodsShowExpectedVersusReceived() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "37.50",
                "receivedOn", "2026-11-20")));

        JsonNode october = api.get("/api/v1/remittances/periods?months=3").json().get("items").get(0);
        assertThat(october.get("period").asString()).isEqualTo("2026-10");
        assertThat(october.get("expectedPaymentDate").asString()).isEqualTo("2026-11-20");
        assertThat(october.get("expected").asString()).isEqualTo("40.00");
        assertThat(october.get("received").asString()).isEqualTo("37.50");
        assertThat(october.get("difference").asString()).isEqualTo("-2.50");
        assertThat(october.get("status").asString()).isEqualTo("PENDING");
        assertThat(journal.balance(brand.id(), USD, AccountKind.REMITTANCE_VARIANCE)).isEqualTo(250);
    }

    @Test
    void duplicateOrUnfinishedPeriodIsRefused() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")));
        long before = entries();
        problem(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")), 409);
        problem(api.post("/api/v1/remittances", Map.of("period", "2026-11", "amount", "5.00")), 400);
        problem(api.post("/api/v1/remittances", Map.of("period", "October", "amount", "5.00")), 400);
        problem(api.post("/api/v1/remittances", Map.of("period", "2026-09", "amount", "5.00",
                "receivedOn", "2026-12-01")), 400);
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void remittedMoneyPaysMembers() {
        clock.set(Instant.parse("2026-10-15T12:00:00Z"));
        String ada = newMember("Ada Remittance Payee");
        new Conversion(ada).pending("10.00", "15.00").approve();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "15.00")));
        problem(pay("before-settlement", Map.of("items", java.util.List.of(Map.of("memberId", ada)))), 409);
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        settlement.settleAllDue();
        JsonNode payment = created(pay("after-settlement", Map.of("items", java.util.List.of(Map.of("memberId", ada)))));
        assertThat(payment.get("total").asString()).isEqualTo("10.00");
    }
}
