package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import io.linkledger.support.MovableClock;
import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Managing an integration through the API: rename, feed offers, disable, and rotate its key with a grace period. */
@Import(IntegrationManagementTest.Clocks.class)
class IntegrationManagementTest extends ConversionApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonNode postback() {
        return integration(Map.of("type", "POSTBACK", "name", "Network"));
    }

    private Api.Response convert(String key, Setup s, String orderId) {
        return getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", orderId, "amount", "50.00"));
    }

    private Api.Response rotate(String id, Object body) {
        return api.post("/api/v1/integrations/" + id + "/rotate", body);
    }

    @Test
    void renamesFeedsOffersAndShowsItBack() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String other = createLinkOffer("Other " + UUID.randomUUID()).get("id").asString();
        String id = postback().get("id").asString();
        assertThat(api.get("/api/v1/integrations/" + id).json().get("offerIds").size()).isZero();

        Api.Response patched = api.patch("/api/v1/integrations/" + id,
                Map.of("name", "  Impact  ", "offerIds", List.of(s.offerId(), other, s.offerId())));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("name").asString()).isEqualTo("Impact");
        assertThat(patched.json().get("enabled").asBoolean()).isTrue();
        assertThat(patched.json().get("offerIds").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(s.offerId(), other);
        JsonNode listed = api.get("/api/v1/integrations").json().get("items").get(0);
        assertThat(listed.get("offerIds").size()).isEqualTo(2);

        // Only the offers named now: one dropped.
        api.patch("/api/v1/integrations/" + id, Map.of("offerIds", List.of(other)));
        assertThat(api.get("/api/v1/integrations/" + id).json().get("offerIds").get(0).asString()).isEqualTo(other);
    }

    @Test
    void refusesUnknownOffersBlankNamesAndOtherBrandsWithoutChangingAnything() {
        String offer = createLinkOffer("Mine").get("id").asString();
        String id = integration(Map.of("type", "POSTBACK", "name", "Network", "offerIds", List.of(offer)))
                .get("id").asString();

        JsonNode unknown = problem(api.patch("/api/v1/integrations/" + id,
                Map.of("name", "Renamed", "offerIds", List.of(UUID.randomUUID().toString()))), 400);
        assertThat(unknown.toString()).contains("offerIds", "does not exist");
        problem(api.patch("/api/v1/integrations/" + id, Map.of("name", " ")), 400);
        problem(rotate(id, Map.of("graceHours", -1)), 400);
        problem(rotate(id, Map.of("graceHours", 169)), 400);

        JsonNode unchanged = api.get("/api/v1/integrations/" + id).json();
        assertThat(unchanged.get("name").asString()).isEqualTo("Network");
        assertThat(unchanged.get("offerIds").get(0).asString()).isEqualTo(offer);
        assertThat(unchanged.get("keyRotatedAt").isNull()).isTrue();

        useAnotherBrand();
        problem(api.patch("/api/v1/integrations/" + id, Map.of("enabled", false)), 404);
        problem(rotate(id, Map.of()), 404);
        assertThat(count("select count(*) from integrations where id = ? and enabled", UUID.fromString(id))).isOne();
    }

    @Test
    void aDisabledPostbackIsRefusedAndLoggedUntilEnabledAgain() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        JsonNode created = postback();
        String id = created.get("id").asString();
        String key = created.get("key").asString();

        assertThat(api.patch("/api/v1/integrations/" + id, Map.of("enabled", false)).json().get("enabled").asBoolean())
                .isFalse();
        JsonNode refused = problem(convert(key, s, "A-1"), 403);

        assertThat(refused.get("detail").asString()).contains("disabled");
        assertThat(conversionCount()).isZero();
        JsonNode logged = lastRequest(id);
        assertThat(logged.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(logged.get("reason").asString()).contains("disabled");
        assertThat(problem(api.post("/api/v1/integrations/" + id + "/requests/" + logged.get("id").asString()
                + "/replay", Map.of()), 409).get("detail").asString()).contains("disabled");

        api.patch("/api/v1/integrations/" + id, Map.of("enabled", true));
        assertThat(convert(key, s, "A-2").status()).isEqualTo(200);
        assertThat(conversionCount()).isOne();
        // The refused one, replayed now, is credited too.
        assertThat(api.post("/api/v1/integrations/" + id + "/requests/" + logged.get("id").asString() + "/replay",
                Map.of()).status()).isEqualTo(200);
        assertThat(conversionCount()).isEqualTo(2);
    }

    @Test
    void aDisabledShopifyIntegrationAcknowledgesSignedDeliveriesAndCreditsNothing() throws Exception {
        Setup s = offerWithMember(Map.of("name", "Codes", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        JsonNode shop = integration(Map.of("type", "SHOPIFY", "name", "Shop", "secret", ShopifyWebhookTest.SECRET));
        String id = shop.get("id").asString();
        api.patch("/api/v1/integrations/" + id, Map.of("enabled", false));
        String body = JsonMapper.builder().build().writeValueAsString(ShopifyWebhookTest.paidOrder(s.promoCode()));

        Api.Response acknowledged = deliver(shop.get("key").asString(), body,
                ShopifyWebhookTest.hmac(ShopifyWebhookTest.SECRET, body.getBytes(StandardCharsets.UTF_8)));
        Api.Response unsigned = deliver(shop.get("key").asString(), body, "bm90IHRoZSBzaWduYXR1cmU=");

        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(acknowledged.json().get("reason").asString()).contains("disabled");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(conversionCount()).isZero();
        List<JsonNode> log = api.get("/api/v1/integrations/" + id + "/requests").json().get("items").valueStream()
                .toList();
        assertThat(log).extracting(r -> r.get("outcome").asString()).containsExactlyInAnyOrder("IGNORED", "REJECTED");
    }

    @Test
    void aRotatedKeyWorksBesideTheNewOneDuringItsGracePeriodAndIsRefusedAfter() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        JsonNode created = postback();
        String id = created.get("id").asString();
        String oldKey = created.get("key").asString();
        assertThat(convert(oldKey, s, "B-1").status()).isEqualTo(200);
        Instant before = clock.instant();

        Api.Response rotated = rotate(id, Map.of("graceHours", 2));

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKey = rotated.json().get("key").asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.json().get("inboundUrl").asString()).endsWith("/postback/" + newKey);
        Instant until = Instant.parse(rotated.json().get("previousKeyValidUntil").asString());
        assertThat(Duration.between(before, until)).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1));
        assertThat(api.get("/api/v1/integrations/" + id).json().get("previousKeyValidUntil").asString())
                .isEqualTo(rotated.json().get("previousKeyValidUntil").asString());

        clock.skip(Duration.ofMinutes(119));
        assertThat(convert(oldKey, s, "B-2").status()).isEqualTo(200);
        assertThat(convert(newKey, s, "B-3").status()).isEqualTo(200);

        clock.skip(Duration.ofMinutes(2));
        Api.Response late = convert(oldKey, s, "B-4");
        assertThat(late.status()).as(late.toString()).isEqualTo(404);
        assertThat(convert(newKey, s, "B-5").status()).isEqualTo(200);
        assertThat(conversionCount()).isEqualTo(4);
        assertThat(api.get("/api/v1/integrations/" + id).json().get("previousKeyValidUntil").isNull()).isTrue();
    }

    @Test
    void rotatingWithoutAGracePeriodRefusesTheOldKeyAtOnceAndTheDefaultIsADay() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        JsonNode created = postback();
        String id = created.get("id").asString();
        String first = created.get("key").asString();

        String second = rotate(id, Map.of("graceHours", 0)).json().get("key").asString();
        assertThat(convert(first, s, "C-1").status()).isEqualTo(404);

        Instant before = clock.instant();
        Api.Response byDefault = api.send(api.request("/api/v1/integrations/" + id + "/rotate")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(200);
        Instant until = Instant.parse(byDefault.json().get("previousKeyValidUntil").asString());
        assertThat(Duration.between(before, until)).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));
        assertThat(convert(second, s, "C-2").status()).isEqualTo(200);
        assertThat(convert(byDefault.json().get("key").asString(), s, "C-3").status()).isEqualTo(200);
        // The first key was replaced two rotations ago: it stays refused.
        assertThat(convert(first, s, "C-4").status()).isEqualTo(404);
    }

    private Api.Response deliver(String key, String body, String signature) {
        return api.withKey(null).send(api.withKey(null).request("/webhooks/shopify/" + key)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))));
    }
}
