package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The quality rules of issue 18 besides the caps: click-to-conversion time, an offer that is not
 * active, self-referral. Each holds what it should and nothing else.
 */
@TestPropertySource(properties = {"linkledger.pixel.hits-per-visitor=3",
    "linkledger.quality.min-click-to-conversion=PT10S"})
class QualityRulesTest extends ConversionApiTest {

    private JsonNode convert(String key, Map<String, String> params) {
        Api.Response response = getPostback(key, params);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return conversion(response.json().get("conversionId").asString());
    }

    private static List<String> rules(JsonNode conversion) {
        return conversion.get("holds").valueStream().map(h -> h.get("rule").asString()).toList();
    }

    private String network() {
        return integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
    }

    @Test
    void aConversionSecondsAfterItsClickOrBeforeItIsHeld() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        String key = network();

        JsonNode quick = convert(key, params("transaction_id", click(s, Instant.now().minusSeconds(3)),
                "order_id", "q-1", "amount", "10.00"));
        assertThat(quick.get("status").asString()).isEqualTo("HELD");
        assertThat(rules(quick)).containsExactly("CLICK_TO_CONVERSION");
        assertThat(quick.get("holds").get(0).get("detail").asString()).matches(
                "The conversion came [3-9] seconds after its click; a person takes at least 10 seconds\\.");

        JsonNode before = convert(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "q-2",
                "amount", "10.00", "date", hoursAgo(2).toString()));
        assertThat(before.get("holds").get(0).get("detail").asString())
                .isEqualTo("The conversion is dated before its click.");

        JsonNode fine = convert(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "q-3",
                "amount", "10.00"));
        assertThat(fine.get("status").asString()).isEqualTo("PENDING");
        assertThat(fine.get("holds")).isEmpty();
    }

    @Test
    void aConversionOnAPausedOrEndedOfferIsHeld() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        String key = network();
        String tid = click(s, hoursAgo(3));
        api.patch("/api/v1/offers/" + s.offerId(), Map.of("status", "PAUSED"));

        JsonNode paused = convert(key, params("transaction_id", tid, "order_id", "p-1", "amount", "10.00"));
        assertThat(rules(paused)).containsExactly("OFFER_NOT_ACTIVE");
        assertThat(paused.get("holds").get(0).get("detail").asString()).isEqualTo("The offer is paused.");

        api.patch("/api/v1/offers/" + s.offerId(), Map.of("status", "ACTIVE", "endsAt", hoursAgo(2).toString()));
        JsonNode ended = convert(key, params("transaction_id", tid, "order_id", "p-2", "amount", "10.00"));
        assertThat(rules(ended)).containsExactly("OFFER_NOT_ACTIVE");
        assertThat(ended.get("holds").get(0).get("detail").asString())
                .startsWith("The conversion is dated after the offer ended (");
        // A sale made while the offer ran, reported late, is not held.
        JsonNode late = convert(key, params("transaction_id", tid, "order_id", "p-3", "amount", "10.00",
                "date", hoursAgo(2).minusSeconds(600).toString()));
        assertThat(late.get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aPostbackWhoseBuyerIsTheMemberIsHeldAsASelfReferral() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        String key = network();
        String email = api.get("/api/v1/members/" + s.memberId()).json().get("email").asString();
        api.patch("/api/v1/members/" + s.memberId(), Map.of("paypalEmail", "ada.pays@gmail.com"));

        Map<String, String> own = new LinkedHashMap<>(params("transaction_id", click(s, hoursAgo(1)),
                "order_id", "s-1", "amount", "10.00"));
        own.put("email", email.replace("@", "+shop@"));
        JsonNode self = convert(key, own);
        assertThat(rules(self)).containsExactly("SELF_REFERRAL");
        assertThat(self.get("holds").get(0).get("detail").asString()).endsWith("matches the member's email.");

        Map<String, String> paypal = new LinkedHashMap<>(params("transaction_id", click(s, hoursAgo(1)),
                "order_id", "s-2", "amount", "10.00"));
        paypal.put("email", "AdaPays@googlemail.com");
        assertThat(convert(key, paypal).get("holds").get(0).get("detail").asString())
                .isEqualTo("The buyer's email (AdaPays@googlemail.com) matches the member's PayPal email.");

        Map<String, String> stranger = new LinkedHashMap<>(params("transaction_id", click(s, hoursAgo(1)),
                "order_id", "s-3", "amount", "10.00"));
        stranger.put("email", "someone.else@example.test");
        assertThat(convert(key, stranger).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void everyRuleThatFiresIsKeptWholeWhileTheStatusReasonIsCutToItsColumn() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = network();
        String buyer = "b".repeat(200) + "@example.test";
        api.patch("/api/v1/members/" + s.memberId(), Map.of("paypalEmail", buyer));
        assertThat(put("/api/v1/offers/" + s.offerId() + "/caps", Map.of("maxSaleAmount", "1.00",
                "maxCommission", "0.01")).status()).isEqualTo(200);
        String tid = click(s, Instant.now().minusSeconds(1));
        api.patch("/api/v1/offers/" + s.offerId(), Map.of("status", "PAUSED"));

        Map<String, String> all = new LinkedHashMap<>(params("transaction_id", tid, "order_id", "all-1",
                "amount", "999999.00"));
        all.put("email", buyer);
        JsonNode held = convert(key, all);

        assertThat(rules(held)).containsExactlyInAnyOrder("SALE_CAP", "COMMISSION_CAP", "CLICK_TO_CONVERSION",
                "OFFER_NOT_ACTIVE", "SELF_REFERRAL");
        assertThat(held.get("holds").valueStream().filter(h -> h.get("rule").asString().equals("SELF_REFERRAL"))
                .findFirst().orElseThrow().get("detail").asString()).contains(buyer);
        assertThat(held.get("statusReason").asString()).hasSize(500).endsWith("…");
    }

    @Test
    void emailsAreComparedAsMailboxes() {
        assertThat(SelfReferralRule.normalized(" Ada.Lovelace+shop@GMail.com ")).isEqualTo("adalovelace@gmail.com");
        assertThat(SelfReferralRule.normalized("a.b+x@example.com")).isEqualTo("a.b@example.com");
        assertThat(SelfReferralRule.normalized("  ")).isNull();
    }
}
