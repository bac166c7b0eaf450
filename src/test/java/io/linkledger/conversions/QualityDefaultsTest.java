package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Brand defaults for the quality limits, which an offer inherits unless it sets its own: what
 * applies and where it comes from, that the rules use exactly that, and the visitor window.
 */
class QualityDefaultsTest extends ConversionApiTest {

    private static final String DEFAULTS = "/api/v1/brand/quality";

    private String network() {
        return integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
    }

    private JsonNode convert(String key, String tid, String orderId, String amount) {
        Api.Response response = getPostback(key, params("transaction_id", tid, "order_id", orderId, "amount", amount));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return conversion(response.json().get("conversionId").asString());
    }

    private static List<String> rules(JsonNode conversion) {
        return conversion.get("holds").valueStream().map(h -> h.get("rule").asString()).toList();
    }

    private static String from(JsonNode caps, String field) {
        JsonNode applied = caps.get("effective").get(field);
        return applied.get("from").isNull() ? null : applied.get("from").asString();
    }

    @Test
    void anOfferInheritsTheBrandDefaultsUnlessItSetsItsOwn() {
        Api.Response set = put(DEFAULTS, Map.of("maxSaleAmount", "100.00", "minSecondsToConvert", 30,
                "maxConversionsPerClick", 2));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("maxSaleAmount").asString()).isEqualTo("100.00");
        assertThat(set.json().get("currency").asString()).isEqualTo("USD");
        assertThat(from(set.json(), "maxSaleAmount")).isEqualTo("BRAND");
        // Not set by the brand: the server's window; nothing at all for the rest.
        assertThat(set.json().get("effective").get("visitorWindowMinutes").get("value").asInt()).isEqualTo(60);
        assertThat(from(set.json(), "visitorWindowMinutes")).isEqualTo("SERVER");
        assertThat(from(set.json(), "maxCommission")).isNull();

        Setup inherits = linkOfferWithMember("CPS", null, "10");
        Setup overrides = linkOfferWithMember("CPS", null, "10");
        assertThat(put("/api/v1/offers/" + overrides.offerId() + "/caps", Map.of("maxSaleAmount", "1000.00",
                "minSecondsToConvert", 0)).status()).isEqualTo(200);

        JsonNode inherited = api.get("/api/v1/offers/" + inherits.offerId() + "/caps").json();
        assertThat(inherited.get("maxSaleAmount").isNull()).isTrue();
        assertThat(inherited.get("effective").get("maxSaleAmount").get("value").asString()).isEqualTo("100.00");
        assertThat(from(inherited, "maxSaleAmount")).isEqualTo("BRAND");
        assertThat(inherited.get("effective").get("minSecondsToConvert").get("value").asInt()).isEqualTo(30);
        JsonNode own = api.get("/api/v1/offers/" + overrides.offerId() + "/caps").json();
        assertThat(own.get("effective").get("maxSaleAmount").get("value").asString()).isEqualTo("1000.00");
        assertThat(from(own, "maxSaleAmount")).isEqualTo("OFFER");
        assertThat(from(own, "minSecondsToConvert")).isEqualTo("OFFER");
        assertThat(from(own, "maxConversionsPerClick")).isEqualTo("BRAND");

        String key = network();
        // The brand's maximum sale holds the inheriting offer's large sale, and only that one.
        JsonNode big = convert(key, click(inherits, hoursAgo(2)), "d-1", "150.00");
        assertThat(rules(big)).containsExactly("SALE_CAP");
        assertThat(big.get("holds").get(0).get("detail").asString())
                .isEqualTo("The sale of $150.00 is above the offer's maximum sale amount of $100.00.");
        assertThat(convert(key, click(inherits, hoursAgo(2)), "d-2", "100.00").get("status").asString())
                .isEqualTo("PENDING");
        assertThat(convert(key, click(overrides, hoursAgo(2)), "d-3", "150.00").get("status").asString())
                .isEqualTo("PENDING");
        assertThat(rules(convert(key, click(overrides, hoursAgo(2)), "d-4", "1000.01"))).containsExactly("SALE_CAP");

        // The brand's 30 seconds from click to conversion; the overriding offer turned it off.
        JsonNode quick = convert(key, click(inherits, Instant.now().minusSeconds(20)), "d-5", "10.00");
        assertThat(rules(quick)).containsExactly("CLICK_TO_CONVERSION");
        assertThat(quick.get("holds").get(0).get("detail").asString())
                .endsWith("; a person takes at least 30 seconds.");
        assertThat(convert(key, click(inherits, Instant.now().minusSeconds(45)), "d-6", "10.00").get("status")
                .asString()).isEqualTo("PENDING");
        assertThat(convert(key, click(overrides, Instant.now().minusSeconds(2)), "d-7", "10.00").get("status")
                .asString()).isEqualTo("PENDING");

        // A change of the defaults applies to the offers that inherit them at once.
        assertThat(put(DEFAULTS, Map.of("maxSaleAmount", "200.00")).status()).isEqualTo(200);
        assertThat(convert(key, click(inherits, hoursAgo(2)), "d-8", "150.00").get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void theBrandsAmountsApplyOnlyToOffersInTheirCurrency() {
        assertThat(put(DEFAULTS, Map.of("maxSaleAmount", "100.00", "maxConversionsPerClick", 1)).status())
                .isEqualTo(200);
        String euroOffer = createOffer(Map.of("name", "Euro offer", "type", "LINK", "conversionType", "SALE",
                "currency", "EUR", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10")))).get("id").asString();

        JsonNode caps = api.get("/api/v1/offers/" + euroOffer + "/caps").json();
        assertThat(caps.get("effective").get("maxSaleAmount").get("value").isNull()).isTrue();
        assertThat(from(caps, "maxSaleAmount")).isNull();
        assertThat(caps.get("effective").get("maxConversionsPerClick").get("value").asInt()).isEqualTo(1);
        assertThat(from(caps, "maxConversionsPerClick")).isEqualTo("BRAND");
    }

    @Test
    void badDefaultsAreRefusedWholeAndChangeNothing() {
        assertThat(put(DEFAULTS, Map.of("maxSaleAmount", "50.00")).status()).isEqualTo(200);
        Map<String, Object> bad = new HashMap<>();
        bad.put("maxSaleAmount", "-1");
        bad.put("visitorWindowMinutes", 0);
        bad.put("minSecondsToConvert", -5);
        bad.put("maxClicksPerVisitor", 0);
        bad.put("maxCommission", "1.001");
        JsonNode problem = problem(put(DEFAULTS, bad), 400);
        assertThat(problem.toString()).contains("maxSaleAmount", "visitorWindowMinutes", "minSecondsToConvert",
                "maxClicksPerVisitor", "maxCommission");
        assertThat(api.get(DEFAULTS).json().get("maxSaleAmount").asString()).isEqualTo("50.00");

        // Clearing every default leaves no row behind.
        assertThat(put(DEFAULTS, Map.of()).status()).isEqualTo(200);
        assertThat(count("select count(*) from quality_defaults where brand_id = ?", brand.id())).isZero();
        assertThat(api.get(DEFAULTS).json().get("effective").get("minSecondsToConvert").get("from").asString())
                .isEqualTo("SERVER");
    }

    @Test
    void defaultsAreTheCallingBrandsOnly() {
        assertThat(put(DEFAULTS, Map.of("maxSaleAmount", "75.00")).status()).isEqualTo(200);
        useAnotherBrand();
        assertThat(api.get(DEFAULTS).json().get("maxSaleAmount").isNull()).isTrue();
        assertThat(api.withKey(null).get(DEFAULTS).status()).isEqualTo(401);
    }

    @Test
    void aVisitorsConversionsAreCountedWithinTheWindowEitherSide() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        assertThat(put(DEFAULTS, Map.of("maxConversionsPerVisitor", 2, "visitorWindowMinutes", 60)).status())
                .isEqualTo(200);
        String key = network();
        Instant start = Instant.now().minusSeconds(6 * 3600);
        String visitor = "visitor-" + System.nanoTime();
        List<String> tids = List.of(click(s, start), click(s, start), click(s, start), click(s, start),
                click(s, start));
        jdbc.sql("update clicks set visitor_key = :visitor where transaction_id in (:tids)")
                .param("visitor", visitor).param("tids", tids).update();

        // 3 conversions in 50 minutes: the third is held; one 2 hours later is not, nor another visitor's.
        assertThat(postbackAt(key, tids.get(0), "w-1", start.plusSeconds(600)).get("status").asString())
                .isEqualTo("PENDING");
        assertThat(postbackAt(key, tids.get(1), "w-2", start.plusSeconds(1800)).get("status").asString())
                .isEqualTo("PENDING");
        JsonNode third = postbackAt(key, tids.get(2), "w-3", start.plusSeconds(3000));
        assertThat(rules(third)).containsExactly("CONVERSIONS_PER_VISITOR");
        assertThat(third.get("holds").get(0).get("detail").asString()).isEqualTo("The same visitor brought 2 other"
                + " conversions in this offer within 1 hour of this one; the offer allows 2 in 1 hour.");
        assertThat(postbackAt(key, tids.get(3), "w-4", start.plusSeconds(3000 + 2 * 3600)).get("status").asString())
                .isEqualTo("PENDING");
        assertThat(postbackAt(key, click(s, start), "w-5", start.plusSeconds(3000)).get("status").asString())
                .isEqualTo("PENDING");
        // Reported late, dated before the first: within the hour of both, so held.
        assertThat(rules(postbackAt(key, tids.get(4), "w-6", start.plusSeconds(60))))
                .containsExactly("CONVERSIONS_PER_VISITOR");
    }

    private JsonNode postbackAt(String key, String tid, String orderId, Instant at) {
        Api.Response response = getPostback(key, params("transaction_id", tid, "order_id", orderId, "amount", "10.00",
                "date", at.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return conversion(response.json().get("conversionId").asString());
    }
}
