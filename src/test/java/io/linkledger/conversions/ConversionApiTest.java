package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Helpers for conversion tests: offers with members, clicks as the redirect stores them, integrations. */
abstract class ConversionApiTest extends ApiTest {

    @Autowired
    MoneyEvents moneyEvents;

    /** An offer with one member on it; ids as strings. */
    record Setup(String offerId, String memberId, UUID assignmentId, String promoCode) {
    }

    Setup offerWithMember(Map<String, Object> offer) {
        String offerId = createOffer(offer).get("id").asString();
        String memberId = createMember("Ada " + UUID.randomUUID(), UUID.randomUUID() + "@example.test").get("id").asString();
        JsonNode assignment = assign(offerId, memberId).get(0);
        UUID assignmentId = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                .params(UUID.fromString(offerId), UUID.fromString(memberId)).query(UUID.class).single();
        JsonNode code = assignment.get("promoCode");
        return new Setup(offerId, memberId, assignmentId, code == null || code.isNull() ? null : code.asString());
    }

    Setup linkOfferWithMember(String payoutType, String amount, String percent) {
        Map<String, Object> payout = new LinkedHashMap<>();
        payout.put("name", "Default");
        payout.put("type", payoutType);
        if (amount != null) {
            payout.put("amount", amount);
        }
        if (percent != null) {
            payout.put("percent", percent);
        }
        return offerWithMember(Map.of("name", "Offer " + UUID.randomUUID(), "type", "LINK_AND_CODE",
                "conversionType", "SALE", "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(payout)));
    }

    /** Stores a click the way the redirect does, and returns its transaction id. */
    String click(Setup s, Instant at) {
        return click(s, at, false, true);
    }

    /** A click at a given time, written as the redirect writes it: the raw row and its counts queued for the rollups. */
    String click(Setup s, Instant at, boolean bot, boolean unique) {
        String tid = UUID.randomUUID().toString().replace("-", "");
        UUID offerId = UUID.fromString(s.offerId());
        UUID memberId = UUID.fromString(s.memberId());
        jdbc.sql("""
                insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
                    visitor_key, user_agent, referrer, is_bot, is_unique)
                values (?, ?, ?, ?, ?, null, ?, ?, 'Mozilla/5.0', null, ?, ?)""")
                .params(tid, at.atOffset(ZoneOffset.UTC), brand.id(), offerId, memberId, s.assignmentId(),
                        UUID.randomUUID().toString(), bot, unique && !bot)
                .update();
        jdbc.sql("""
                insert into click_rollup_queue (assignment_id, click_day, brand_id, offer_id, member_id, clicks,
                    unique_clicks, bot_clicks)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.assignmentId(), LocalDate.ofInstant(at, ZoneOffset.UTC), brand.id(), offerId, memberId,
                        bot ? 0 : 1, unique && !bot ? 1 : 0, bot ? 1 : 0)
                .update();
        return tid;
    }

    JsonNode integration(Map<String, Object> body) {
        return created(api.post("/api/v1/integrations", body));
    }

    Api.Response getPostback(String key, Map<String, String> params) {
        return api.withKey(null).get("/postback/" + key + "?" + form(params));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    JsonNode conversion(String id) {
        Api.Response response = api.get("/api/v1/conversions/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    long conversionCount() {
        return count("select count(*) from conversions where brand_id = ?", brand.id());
    }

    JsonNode lastRequest(String integrationId) {
        return api.get("/api/v1/integrations/" + integrationId + "/requests?limit=1").json().get("items").get(0);
    }

    Api.Response put(String path, Object body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))));
    }

    /** From here on the test acts as another brand, with an API key of its own. */
    void useAnotherBrand() {
        brand = brands.create("Other brand " + UUID.randomUUID());
        apiKey = brands.createKey(brand.id(), "test").plainText();
        api = new Api("http://127.0.0.1:" + port, apiKey);
    }

    static Instant hoursAgo(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours).toInstant();
    }
}
