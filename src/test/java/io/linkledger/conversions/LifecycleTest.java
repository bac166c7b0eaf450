package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.Money;
import tools.jackson.databind.JsonNode;

class LifecycleTest extends ConversionApiTest {

    @Autowired
    Conversions conversions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConversionStats stats;

    private String convert(Setup s, String key, String orderId, String amount) {
        var response = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", orderId,
                "amount", amount));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    @Test
    void approveThenReverseMovesStatusAndPublishesMoneyEvents() {
        Setup s = linkOfferWithMember("CPA", "4.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String id = convert(s, key, "o-1", "20.00");

        JsonNode approved = api.post("/api/v1/conversions/" + id + "/approve", Map.of()).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        problem(api.post("/api/v1/conversions/" + id + "/approve", Map.of()), 409);

        problem(api.post("/api/v1/conversions/" + id + "/reverse", Map.of("reason", "r".repeat(501))), 400);
        JsonNode reversed = api.post("/api/v1/conversions/" + id + "/reverse", Map.of("reason", "fraud")).json();
        assertThat(reversed.get("status").asString()).isEqualTo("REVERSED");
        assertThat(reversed.get("statusReason").asString()).isEqualTo("fraud");

        List<MoneyChange> events = moneyEvents.of(UUID.fromString(id));
        assertThat(events).extracting(MoneyChange::toStatus)
                .containsExactly(ConversionStatus.PENDING, ConversionStatus.APPROVED, ConversionStatus.REVERSED);
        MoneyChange reversal = events.get(2);
        assertThat(reversal.fromStatus()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(reversal.memberCommissionBefore().minor()).isEqualTo(400);
        assertThat(reversal.memberCommissionAfter().minor()).isZero();
        assertThat(conversion(id).get("history")).hasSize(3);
    }

    @Test
    void bulkApproveChangesPendingAndExplainsTheRest() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String a = convert(s, key, "b-1", "10.00");
        String b = convert(s, key, "b-2", "10.00");
        api.post("/api/v1/conversions/" + b + "/reverse", Map.of());
        String missing = UUID.randomUUID().toString();

        JsonNode outcome = api.post("/api/v1/conversions/approve", Map.of("ids", List.of(a, b, missing))).json();

        assertThat(outcome.get("changed")).extracting(JsonNode::asString).containsExactly(a);
        assertThat(outcome.get("skipped")).hasSize(2);
        assertThat(outcome.get("skipped").get(0).get("reason").asString()).contains("REVERSED");
        JsonNode approved = api.get("/api/v1/conversions?status=APPROVED&memberId=" + s.memberId()).json();
        assertThat(approved.get("items")).hasSize(1);
        assertThat(approved.get("items").get(0).get("id").asString()).isEqualTo(a);
        assertThat(approved.get("items").get(0).get("currency").asString()).isEqualTo("USD");
        assertThat(api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items")).hasSize(2);
    }

    @Test
    void memberPaymentMarksApprovedConversionsPaidOldestFirstAndLocksThem() {
        Setup s = linkOfferWithMember("CPA", "10.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String first = convert(s, key, "p-1", "50.00");
        String second = convert(s, key, "p-2", "50.00");
        String third = convert(s, key, "p-3", "50.00");
        api.post("/api/v1/conversions/approve", Map.of("ids", List.of(first, second, third)));

        UUID paymentId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> conversions.markPaid(brand.id(),
                UUID.fromString(s.memberId()), paymentId, Money.ofMinor(2500, "USD")));

        assertThat(conversion(first).get("status").asString()).isEqualTo("PAID");
        assertThat(conversion(first).get("paymentId").asString()).isEqualTo(paymentId.toString());
        assertThat(conversion(second).get("status").asString()).isEqualTo("PAID");
        assertThat(conversion(third).get("status").asString()).isEqualTo("APPROVED");
        JsonNode refused = problem(api.post("/api/v1/conversions/" + first + "/reverse", Map.of()), 409);
        assertThat(refused.get("detail").asString()).contains("paid");
        assertThat(moneyEvents.of(UUID.fromString(first)).getLast().toStatus()).isEqualTo(ConversionStatus.PAID);
    }

    @Test
    void anotherBrandsConversionIsNotFound() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String id = convert(s, key, "x-1", "10.00");
        var other = brands.create("Other " + UUID.randomUUID());
        var otherApi = api.withKey(brands.createKey(other.id(), "t").plainText());
        problem(otherApi.get("/api/v1/conversions/" + id), 404);
        problem(otherApi.post("/api/v1/conversions/" + id + "/approve", Map.of()), 404);
    }

    @Test
    void statsCountLiveConversionsOfAnOffer() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        convert(s, key, "s-1", "100.00");
        convert(s, key, "s-2", "50.00");
        String reversed = convert(s, key, "s-3", "70.00");
        api.post("/api/v1/conversions/" + reversed + "/reverse", Map.of());

        var figures = stats.forOffer(brand.id(), UUID.fromString(s.offerId()), null, null);

        assertThat(figures.conversions()).isEqualTo(2);
        assertThat(figures.sales()).isEqualTo(Money.ofMinor(15000, "USD"));
        assertThat(figures.commission()).isEqualTo(Money.ofMinor(1500, "USD"));
    }
}
