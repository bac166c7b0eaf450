package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/** Per-offer caps and the other quality rules hold conversions; a person releases or reverses them. */
class HeldConversionTest extends ConversionApiTest {

    @Autowired
    AutoApproval autoApproval;

    private String postback(String key, String tid, String orderId, String amount) {
        Api.Response response = getPostback(key, params("transaction_id", tid, "order_id", orderId, "amount", amount));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    private String network() {
        return integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
    }

    private void caps(Setup s, Map<String, Object> caps) {
        Api.Response response = put("/api/v1/offers/" + s.offerId() + "/caps", caps);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** What the ledger holds for a conversion: pending member commission, booked member commission. */
    private long[] ledger(String conversionId) {
        return jdbc.sql("select pending_member_minor, booked_member_minor from ledger_conversions where conversion_id = ?")
                .param(UUID.fromString(conversionId))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    @Test
    void aSaleAboveTheCapIsHeldAndBooksNothingUntilReleased() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        caps(s, Map.of("maxSaleAmount", "100.00"));
        put("/api/v1/offers/" + s.offerId() + "/terms", Map.of("lockPeriodDays", 0));
        String key = network();
        String held = postback(key, click(s, hoursAgo(2)), "cap-1", "150.00");
        String fine = postback(key, click(s, hoursAgo(2)), "cap-2", "100.00");

        JsonNode c = conversion(held);
        assertThat(c.get("status").asString()).isEqualTo("HELD");
        assertThat(c.get("commission").asString()).isEqualTo("15.00");
        assertThat(c.get("holds")).hasSize(1);
        assertThat(c.get("holds").get(0).get("rule").asString()).isEqualTo("SALE_CAP");
        assertThat(c.get("holds").get(0).get("detail").asString())
                .isEqualTo("The sale of $150.00 is above the offer's maximum sale amount of $100.00.");
        assertThat(c.get("statusReason").asString()).startsWith("Held for review: The sale of $150.00");
        assertThat(conversion(fine).get("status").asString()).isEqualTo("PENDING");
        assertThat(ledger(held)).containsExactly(0, 0);
        assertThat(ledger(fine)).containsExactly(1000, 0);
        MoneyChange made = moneyEvents.of(UUID.fromString(held)).getFirst();
        assertThat(made.toStatus()).isEqualTo(ConversionStatus.HELD);
        assertThat(made.memberCommissionAfter().minor()).isZero();

        JsonNode listed = api.get("/api/v1/conversions?status=HELD&offerId=" + s.offerId()).json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(held);
        assertThat(listed.get(0).get("holds").get(0).get("rule").asString()).isEqualTo("SALE_CAP");

        // Automatic approval passes a held conversion by; approving one by hand is refused.
        autoApproval.approveDue(Instant.now().plusSeconds(60));
        assertThat(conversion(held).get("status").asString()).isEqualTo("HELD");
        assertThat(conversion(fine).get("status").asString()).isEqualTo("APPROVED");
        assertThat(problem(api.post("/api/v1/conversions/" + held + "/approve", Map.of()), 409)
                .get("detail").asString()).contains("release");

        problem(api.post("/api/v1/conversions/" + held + "/release", Map.of("status", "PAID")), 400);
        JsonNode released = api.post("/api/v1/conversions/" + held + "/release", Map.of("status", "APPROVED")).json();
        assertThat(released.get("status").asString()).isEqualTo("APPROVED");
        assertThat(released.get("holds").get(0).get("rule").asString()).isEqualTo("SALE_CAP");
        assertThat(ledger(held)).containsExactly(0, 1500);
        problem(api.post("/api/v1/conversions/" + held + "/release", Map.of()), 409);
        assertThat(conversion(held).get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("CREATED", "RELEASED");
    }

    @Test
    void heldConversionsAreReleasedToPendingOrReversedInBulk() {
        Setup s = linkOfferWithMember("CPA", "40.00", null);
        caps(s, Map.of("maxCommission", "30.00"));
        String key = network();
        String a = postback(key, click(s, hoursAgo(2)), "b-1", "10.00");
        String b = postback(key, click(s, hoursAgo(2)), "b-2", "10.00");
        String c = postback(key, click(s, hoursAgo(2)), "b-3", "10.00");
        assertThat(conversion(a).get("holds").get(0).get("detail").asString())
                .isEqualTo("The commission of $40.00 is above the offer's maximum commission of $30.00.");

        JsonNode outcome = api.post("/api/v1/conversions/release", Map.of("ids", List.of(a, b))).json();
        assertThat(outcome.get("changed")).hasSize(2);
        JsonNode again = api.post("/api/v1/conversions/release", Map.of("ids", List.of(a))).json();
        assertThat(again.get("skipped").get(0).get("reason").asString()).contains("only HELD");
        problem(api.post("/api/v1/conversions/release", Map.of("ids", List.of(c), "status", "REVERSED")), 400);
        api.post("/api/v1/conversions/" + c + "/reverse", Map.of("reason", "fraud"));

        assertThat(conversion(a).get("status").asString()).isEqualTo("PENDING");
        assertThat(ledger(a)).containsExactly(4000, 0);
        assertThat(conversion(c).get("status").asString()).isEqualTo("REVERSED");
        assertThat(ledger(c)).containsExactly(0, 0);
        assertThat(moneyEvents.of(UUID.fromString(c))).extracting(MoneyChange::toStatus)
                .containsExactly(ConversionStatus.HELD, ConversionStatus.REVERSED);
    }

    @Test
    void conversionsBeyondTheCountCapsOfAClickOrAVisitorAreHeld() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        caps(s, Map.of("maxConversionsPerClick", 1, "maxConversionsPerVisitor", 2, "visitorWindowMinutes", 60));
        String key = network();
        String tid = click(s, hoursAgo(1));
        assertThat(conversion(postback(key, tid, "k-1", "10.00")).get("status").asString()).isEqualTo("PENDING");
        JsonNode second = conversion(postback(key, tid, "k-2", "10.00"));
        assertThat(second.get("status").asString()).isEqualTo("HELD");
        assertThat(second.get("holds")).extracting(h -> h.get("rule").asString())
                .containsExactly("CONVERSIONS_PER_CLICK");
        assertThat(second.get("holds").get(0).get("detail").asString())
                .isEqualTo("One click already brought 1 conversion; the offer allows 1 per click.");

        // Two more clicks by the same visitor: the visitor's third conversion within the hour is held.
        String visitor = jdbc.sql("select visitor_key from clicks where transaction_id = ?").param(tid)
                .query(String.class).single();
        String other = click(s, hoursAgo(1));
        String third = click(s, hoursAgo(1));
        jdbc.sql("update clicks set visitor_key = ? where transaction_id in (?, ?)").params(visitor, other, third)
                .update();
        JsonNode visitorHeld = conversion(postback(key, other, "k-3", "10.00"));
        assertThat(visitorHeld.get("holds")).extracting(h -> h.get("rule").asString())
                .containsExactly("CONVERSIONS_PER_VISITOR");
        assertThat(visitorHeld.get("holds").get(0).get("detail").asString()).isEqualTo(
                "The same visitor brought 2 other conversions in this offer within 1 hour of this one; the offer"
                        + " allows 2 in 1 hour.");
        // Another visitor is not held.
        assertThat(conversion(postback(key, click(s, hoursAgo(1)), "k-4", "10.00")).get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void pixelSalesAboveTheReviewThresholdAreHeldAndOtherChannelsAreNot() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        caps(s, Map.of("pixelReviewAbove", "50.00"));
        String pixel = integration(Map.of("type", "PIXEL", "name", "Thank-you page")).get("key").asString();

        pixelHit(pixel, click(s, hoursAgo(1)), "PX-1", "60.00");
        pixelHit(pixel, click(s, hoursAgo(1)), "PX-2", "50.00");
        String byPostback = postback(network(), click(s, hoursAgo(1)), "PB-1", "60.00");

        JsonNode items = api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items");
        Map<String, String> statusByOrder = new java.util.HashMap<>();
        items.forEach(i -> statusByOrder.put(i.get("orderId").asString(), i.get("status").asString()));
        assertThat(statusByOrder).containsEntry("PX-1", "HELD").containsEntry("PX-2", "PENDING")
                .containsEntry("PB-1", "PENDING");
        assertThat(conversion(byPostback).get("holds")).isEmpty();
        JsonNode held = api.get("/api/v1/conversions?status=HELD&offerId=" + s.offerId()).json().get("items").get(0);
        assertThat(held.get("holds").get(0).get("detail").asString())
                .isEqualTo("A pixel reported a sale of $60.00, above the $50.00 the offer takes from the pixel"
                        + " without review.");
    }

    private void pixelHit(String key, String tid, String orderId, String amount) {
        Api.Response hit = api.withKey(null).send(api.withKey(null)
                .request("/px/" + key + ".gif?order_id=" + orderId + "&amount=" + amount)
                .header("Cookie", "ll_tid=" + tid).GET());
        assertThat(hit.status()).as(hit.toString()).isEqualTo(200);
    }

    @Test
    void capsAreValidatedScopedToTheBrandAndCleared() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        String path = "/api/v1/offers/" + s.offerId() + "/caps";
        JsonNode none = api.get(path).json();
        assertThat(none.get("maxSaleAmount").isNull()).isTrue();
        assertThat(none.get("currency").asString()).isEqualTo("USD");

        JsonNode bad = problem(put(path, Map.of("maxSaleAmount", "-1", "maxCommission", "1e5",
                "maxConversionsPerClick", 0, "pixelReviewAbove", "1.001")), 400);
        assertThat(bad.toString()).contains("maxSaleAmount", "maxCommission", "maxConversionsPerClick",
                "pixelReviewAbove");
        assertThat(count("select count(*) from offer_caps where offer_id = ?", UUID.fromString(s.offerId())))
                .isZero();

        JsonNode set = put(path, Map.of("maxSaleAmount", "500", "maxConversionsPerVisitor", 3)).json();
        assertThat(set.get("maxSaleAmount").asString()).isEqualTo("500.00");
        assertThat(api.get(path).json().get("maxConversionsPerVisitor").asInt()).isEqualTo(3);

        put(path, Map.of());
        assertThat(api.get(path).json().get("maxSaleAmount").isNull()).isTrue();
        assertThat(count("select count(*) from offer_caps where offer_id = ?", UUID.fromString(s.offerId())))
                .isZero();

        useAnotherBrand();
        problem(api.get(path), 404);
        problem(put(path, Map.of("maxSaleAmount", "1")), 404);
    }
}
