package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class BalanceApiTest extends LedgerApiTest {

    @Test
    void newBrandHasZeroBalance() {
        JsonNode balance = balance();
        assertThat(balance.get("available").asString()).isEqualTo("0.00");
        assertThat(balance.get("pending").asString()).isEqualTo("0.00");
        assertThat(balance.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void manualFundingIsAvailableAtOnce() {
        JsonNode answer = created(api.post("/api/v1/balance/fundings", Map.of("amount", "250.50", "currency", "usd")));
        assertThat(answer.get("available").asString()).isEqualTo("250.50");
        fund("49.50");
        assertThat(balance().get("available").asString()).isEqualTo("300.00");
        assertThat(count("""
                select count(*) from ledger_lines l join ledger_entries e on e.id = l.entry_id
                where e.brand_id = ? and e.type = 'FUNDING'""", brand.id())).isEqualTo(4);
    }

    @Test
    void fundingRetriedWithSameKeyBooksOnce() {
        for (int i = 0; i < 3; i++) {
            Api.Response response = api.send(api.request("/api/v1/balance/fundings")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "wire-2026-11-001")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amount\":\"100.00\"}")));
            assertThat(response.status()).isEqualTo(201);
        }
        assertThat(balance().get("available").asString()).isEqualTo("100.00");
        assertThat(entries()).isEqualTo(1);

        Api.Response other = api.send(api.request("/api/v1/balance/fundings")
                .header("Content-Type", "application/json").header("Idempotency-Key", "wire-2026-11-001")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amount\":\"200.00\"}")));
        problem(other, 422);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void badFundingIsRejectedAndWritesNothing() {
        JsonNode body = problem(api.post("/api/v1/balance/fundings", Map.of("amount", "-5", "currency", "USD")), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("amount");
        problem(api.post("/api/v1/balance/fundings", Map.of("amount", "1.234", "currency", "USD")), 400);
        problem(api.post("/api/v1/balance/fundings", Map.of("amount", "10", "currency", "DOLLARS")), 400);
        problem(api.post("/api/v1/balance/fundings", Map.of("currency", "USD")), 400);
        assertThat(entries()).isZero();
    }

    @Test
    void balanceIsPerBrand() {
        fund("10.00");
        String otherKey = brands.createKey(brands.create("Other brand").id(), "other").plainText();
        assertThat(api.withKey(otherKey).get("/api/v1/balance").json().get("available").asString())
                .isEqualTo("0.00");
    }

    @Test
    void journalListsBalancedEntriesNewestFirst() {
        String ada = newMember("Ada Journal");
        fund("100.00");
        approved(ada, "30.00");
        created(pay("journal-1", Map.of("items", java.util.List.of(Map.of("memberId", ada)))));

        JsonNode page = api.get("/api/v1/ledger/entries").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode payment = page.get("items").get(0);
        assertThat(payment.get("type").asString()).isEqualTo("PAYMENT");
        long sum = payment.get("lines").valueStream()
                .mapToLong(line -> new java.math.BigDecimal(line.get("amount").asString()).movePointRight(2)
                        .longValueExact())
                .sum();
        assertThat(sum).isZero();
        assertThat(payment.get("lines").valueStream().map(line -> line.get("account").asString()))
                .containsExactlyInAnyOrder("MEMBER_PAYABLE", "BRAND_CASH");
        assertThat(api.get("/api/v1/ledger/check").json().get("balanced").asBoolean()).isTrue();
    }
}
