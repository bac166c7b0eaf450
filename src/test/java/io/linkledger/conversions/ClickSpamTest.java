package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import io.linkledger.tracking.ClickSpam;
import tools.jackson.databind.JsonNode;

/**
 * Click spam through the real redirect: a visitor's clicks beyond the limit stay in the gross
 * clicks and leave the unique clicks and pay per click; and a member's quality summary.
 */
class ClickSpamTest extends ConversionApiTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Autowired
    ClickSpam spam;

    @Autowired
    ClickAccrual clickAccrual;

    /** A pay-per-click offer with one member; returns the offer id, the member id and the link's path. */
    private String[] cpcLink() {
        String offerId = createOffer(Map.of("name", "Clicks " + UUID.randomUUID(), "type", "LINK",
                "conversionType", "SALE", "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPC", "amount", "0.25")))).get("id").asString();
        String memberId = createMember("Cleo " + UUID.randomUUID(), UUID.randomUUID() + "@example.test").get("id")
                .asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        return new String[] {offerId, memberId, link.substring(link.indexOf("/r/"))};
    }

    private void clicks(String path, String userAgent, int times) {
        for (int i = 0; i < times; i++) {
            Api.Response response = api.send(api.withKey(null).request(path).GET().header("User-Agent", userAgent));
            assertThat(response.status()).as(response.toString()).isEqualTo(302);
        }
    }

    private JsonNode report(String offerId) {
        return api.get("/api/v1/reports/offers/" + offerId).json();
    }

    @Test
    void aVisitorsClicksBeyondTheLimitAreGrossButNotUniqueAndNotPaid() {
        assertThat(put("/api/v1/brand/quality", Map.of("maxClicksPerVisitor", 3)).status()).isEqualTo(200);
        String[] spammed = cpcLink();
        String[] allowed = cpcLink();
        assertThat(put("/api/v1/offers/" + allowed[0] + "/caps", Map.of("maxClicksPerVisitor", 10)).status())
                .isEqualTo(200);
        clicks(spammed[2], BROWSER, 5);
        clicks(spammed[2], BROWSER.replace("131", "130"), 2);
        clicks(allowed[2], BROWSER, 5);
        assertThat(report(spammed[0]).get("uniqueClicks").asLong()).isEqualTo(2);

        assertThat(spam.sweep()).isGreaterThanOrEqualTo(5);
        assertThat(spam.sweep()).isZero();

        JsonNode report = report(spammed[0]);
        assertThat(report.get("clicks").asLong()).isEqualTo(7);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from clicks where offer_id = ? and is_spam",
                UUID.fromString(spammed[0]))).isEqualTo(5);
        // The offer that allows 10 clicks a visitor keeps all of them.
        assertThat(report(allowed[0]).get("uniqueClicks").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from clicks where offer_id = ? and is_spam",
                UUID.fromString(allowed[0]))).isZero();

        // Pay per click pays the one unique click left: 1 × 0.25.
        clickAccrual.accrue(LocalDate.now(ZoneOffset.UTC));
        JsonNode accrued = api.get("/api/v1/conversions?offerId=" + spammed[0]).json().get("items");
        assertThat(accrued).hasSize(1);
        assertThat(accrued.get(0).get("commission").asString()).isEqualTo("0.25");
        JsonNode other = api.get("/api/v1/conversions?offerId=" + allowed[0]).json().get("items");
        assertThat(other.get(0).get("commission").asString()).isEqualTo("0.25");

        JsonNode quality = api.get("/api/v1/members/" + spammed[1] + "/quality").json();
        assertThat(quality.get("overall").get("spamClicks").asLong()).isEqualTo(5);
        assertThat(quality.get("offers").get(0).get("offerId").asString()).isEqualTo(spammed[0]);
    }

    @Test
    void theQualitySummaryCountsHeldReleasedAndReversedConversions() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        Setup elsewhere = linkOfferWithMember("CPS", null, "10");
        assertThat(put("/api/v1/offers/" + s.offerId() + "/caps", Map.of("maxSaleAmount", "100.00")).status())
                .isEqualTo(200);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String released = postback(key, s, "q-1", "150.00");
        postback(key, s, "q-2", "150.00");
        String reversed = postback(key, s, "q-3", "20.00");
        postback(key, s, "q-4", "20.00");
        assertThat(api.post("/api/v1/conversions/" + released + "/release", Map.of("status", "APPROVED")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/conversions/" + reversed + "/reverse", Map.of("reason", "Returned")).status())
                .isEqualTo(200);

        JsonNode quality = api.get("/api/v1/members/" + s.memberId() + "/quality").json();
        JsonNode offer = quality.get("offers").get(0);
        assertThat(quality.get("offers")).hasSize(1);
        assertThat(offer.get("conversions").asLong()).isEqualTo(4);
        assertThat(offer.get("held").asLong()).isEqualTo(2);
        assertThat(offer.get("heldNow").asLong()).isEqualTo(1);
        assertThat(offer.get("reversed").asLong()).isEqualTo(1);
        assertThat(offer.get("heldRate").asString()).isEqualTo("50.0");
        assertThat(offer.get("reversalRate").asString()).isEqualTo("25.0");
        assertThat(quality.get("overall").get("heldRate").asString()).isEqualTo("50.0");

        // Another member's conversions are not in it; a member without any has no rates.
        postback(key, elsewhere, "q-5", "20.00");
        assertThat(api.get("/api/v1/members/" + s.memberId() + "/quality").json().get("overall").get("conversions")
                .asLong()).isEqualTo(4);
        String newcomer = createMember("New " + UUID.randomUUID(), UUID.randomUUID() + "@example.test").get("id")
                .asString();
        JsonNode none = api.get("/api/v1/members/" + newcomer + "/quality").json();
        assertThat(none.get("offers")).isEmpty();
        assertThat(none.get("overall").get("heldRate").isNull()).isTrue();
        problem(api.get("/api/v1/members/" + UUID.randomUUID() + "/quality"), 404);
    }

    private String postback(String key, Setup s, String orderId, String amount) {
        Api.Response response = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", orderId,
                "amount", amount));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }
}
