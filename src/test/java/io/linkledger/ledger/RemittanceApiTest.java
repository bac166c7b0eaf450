package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class RemittanceApiTest extends LedgerApiTest {

    @Autowired
    RemittanceSettlement settlement;

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
        assertThat(balance().get("pending").asString()).isEqualTo("40.00");

        clock.set(Instant.parse("2026-11-25T00:30:00Z"));
        balance = balance();
        assertThat(balance.get("pending").asString()).isEqualTo("0.00");
        assertThat(balance.get("available").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/v1/remittances").json().get("items").get(0).get("status").asString())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void scheduledSettlementMovesDueRemittances() {
        octoberConversions();
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        created(api.post("/api/v1/remittances", Map.of("period", "2026-10", "amount", "40.00")));
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        settlement.settleAllDue();
        settlement.settleAllDue();
        assertThat(journal.balance(brand.id(), USD, AccountKind.BRAND_CASH)).isEqualTo(4000);
        assertThat(journal.balance(brand.id(), USD, AccountKind.BRAND_CASH_PENDING)).isZero();
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
        JsonNode payment = created(pay("after-settlement", Map.of("items", java.util.List.of(Map.of("memberId", ada)))));
        assertThat(payment.get("total").asString()).isEqualTo("10.00");
    }
}
