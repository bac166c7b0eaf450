package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class ShopifyWebhookTest extends ConversionApiTest {

    private static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";

    private Setup codeOffer() {
        return offerWithMember(Map.of("name", "Codes " + UUID.randomUUID(), "type", "LINK_AND_CODE",
                "conversionType", "SALE", "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
    }

    private JsonNode shopify(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("type", "SHOPIFY", "name", "Shop",
                "secret", SECRET));
        body.putAll(extra);
        return integration(body);
    }

    /** A realistic orders/create body, spaced and with non-ASCII text as Shopify sends it. */
    static String order(long id, String name, String code, String subtotal, String tax) {
        return """
                {"id":%d,"admin_graphql_api_id":"gid:\\/\\/shopify\\/Order\\/%d","name":"%s","order_number":1001,
                 "created_at":"2026-11-20T10:15:00-05:00","currency":"USD","test":false,
                 "customer":{"first_name":"Zoë","last_name":"Åström"},
                 "subtotal_price":"%s","total_discounts":"10.00","total_tax":"%s","taxes_included":false,
                 "total_price":"115.38","total_shipping_price_set":{"shop_money":{"amount":"5.00","currency_code":"USD"}},
                 "discount_codes":[{"code":"WELCOME","amount":"0.00","type":"fixed_amount"},
                                   {"code":"%s","amount":"10.00","type":"fixed_amount"}],
                 "line_items":[{"id":866550311766439020,"title":"Crème brûlée kit","price":"100.00","quantity":1}]}
                """.formatted(id, id, name, subtotal, tax, code);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    Api.Response deliver(String key, String topic, String body, String signature, String webhookId) {
        HttpRequest.Builder request = api.withKey(null).request("/webhooks/shopify/" + key)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", signature)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Shop-Domain", "example.myshopify.com")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        return api.withKey(null).send(request);
    }

    Api.Response deliver(String key, String topic, String body) throws Exception {
        return deliver(key, topic, body, hmac(SECRET, body.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID().toString());
    }

    @Test
    void signedOrderIsAttributedByDiscountCodeOnSubtotalAfterDiscounts() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of());
        String body = order(450789469L, "#1001", s.promoCode().toLowerCase(), "100.00", "10.38");

        Api.Response response = deliver(integration.get("key").asString(), "orders/create", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode c = conversion(response.json().get("conversionId").asString());
        assertThat(c.get("memberId").asString()).isEqualTo(s.memberId());
        assertThat(c.get("attributedBy").asString()).isEqualTo("CODE");
        assertThat(c.get("promoCode").asString()).isEqualTo(s.promoCode());
        assertThat(c.get("amount").asString()).isEqualTo("100.00");
        assertThat(c.get("commission").asString()).isEqualTo("10.00");
        assertThat(c.get("orderId").asString()).isEqualTo("#1001");
        assertThat(c.get("convertedAt").asString()).isEqualTo("2026-11-20T15:15:00Z");
    }

    @Test
    void badSignatureIsUnauthorizedAndStored() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of());
        String body = order(1L, "#1", s.promoCode(), "100.00", "0.00");
        // Signed over other bytes: the same JSON re-serialised without the spacing.
        String reformatted = body.replace("\n", "").replace(" ", "");

        problem(deliver(integration.get("key").asString(), "orders/create", body,
                hmac(SECRET, reformatted.getBytes(StandardCharsets.UTF_8)), "w-1"), 401);
        problem(deliver(integration.get("key").asString(), "orders/create", body,
                hmac("wrong-secret", body.getBytes(StandardCharsets.UTF_8)), "w-2"), 401);

        assertThat(conversionCount()).isZero();
        JsonNode stored = lastRequest(integration.get("id").asString());
        assertThat(stored.get("statusCode").asInt()).isEqualTo(401);
        assertThat(stored.get("body").asString()).isEqualTo(body);
    }

    @Test
    void redeliveredWebhookIsAnsweredWithoutSecondConversion() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String body = order(2L, "#2", s.promoCode(), "40.00", "0.00");
        String signature = hmac(SECRET, body.getBytes(StandardCharsets.UTF_8));

        String first = deliver(key, "orders/create", body, signature, "same-delivery").json().get("conversionId").asString();
        Api.Response again = deliver(key, "orders/create", body, signature, "same-delivery");
        Api.Response otherDelivery = deliver(key, "orders/create", body, signature, "another-delivery");

        assertThat(again.json().get("conversionId").asString()).isEqualTo(first);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(otherDelivery.json().get("conversionId").asString()).isEqualTo(first);
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void orderWithoutMemberCodeIsUnprocessable() throws Exception {
        codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        JsonNode body = problem(deliver(key, "orders/create", order(3L, "#3", "NOBODY", "40.00", "0.00")), 422);
        assertThat(body.get("detail").asString()).contains("NOBODY");
    }

    @Test
    void partialRefundLowersCommissionAndFullRefundReverses() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String id = deliver(key, "orders/create", order(4L, "#4", s.promoCode(), "100.00", "0.00"))
                .json().get("conversionId").asString();
        String partial = """
                {"id":9001,"order_id":4,"created_at":"2026-11-22T10:00:00-05:00","note":"size",
                 "refund_line_items":[{"id":1,"quantity":1,"line_item_id":7,"subtotal":"30.00","total_tax":"2.40"}],
                 "transactions":[{"id":5,"amount":"32.40","kind":"refund","status":"success"}]}""";

        assertThat(deliver(key, "refunds/create", partial).status()).isEqualTo(200);
        JsonNode afterPartial = conversion(id);
        assertThat(afterPartial.get("amount").asString()).isEqualTo("70.00");
        assertThat(afterPartial.get("commission").asString()).isEqualTo("7.00");
        assertThat(afterPartial.get("status").asString()).isEqualTo("PENDING");
        // The same refund delivered under a new webhook id is not applied twice.
        assertThat(deliver(key, "refunds/create", partial).status()).isEqualTo(200);
        assertThat(conversion(id).get("amount").asString()).isEqualTo("70.00");

        String rest = """
                {"id":9002,"order_id":4,"refund_line_items":[{"id":2,"quantity":1,"line_item_id":8,"subtotal":"70.00"}],
                 "transactions":[]}""";
        assertThat(deliver(key, "refunds/create", rest).status()).isEqualTo(200);
        JsonNode reversed = conversion(id);
        assertThat(reversed.get("status").asString()).isEqualTo("REVERSED");
        assertThat(reversed.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("CREATED", "REFUND", "REFUNDED");
        assertThat(moneyEvents.of(UUID.fromString(id)).getLast().memberCommissionAfter().minor()).isZero();
    }

    @Test
    void otherTopicsAreIgnoredAndPaidTopicIsConfigurable() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of("orderTopic", "orders/paid")).get("key").asString();
        String body = order(5L, "#5", s.promoCode(), "20.00", "0.00");

        Api.Response created = deliver(key, "orders/create", body);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(conversionCount()).isZero();

        assertThat(deliver(key, "orders/paid", body).json().get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void failedWebhookCanBeReplayedAfterFixingTheSecret() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of("secret", "an-old-wrong-secret"));
        String body = order(6L, "#6", s.promoCode(), "60.00", "0.00");
        problem(deliver(integration.get("key").asString(), "orders/create", body), 401);
        String requestId = lastRequest(integration.get("id").asString()).get("id").asString();

        api.patch("/api/v1/integrations/" + integration.get("id").asString(), Map.of("secret", SECRET));
        Api.Response replay = api.post("/api/v1/integrations/" + integration.get("id").asString() + "/requests/"
                + requestId + "/replay", Map.of());

        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(conversion(replay.json().get("conversionId").asString()).get("amount").asString()).isEqualTo("60.00");
        JsonNode stored = lastRequest(integration.get("id").asString());
        assertThat(stored.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(stored.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void orderArrivingByLinkAndByCodeIsCreditedOnce() throws Exception {
        Setup s = codeOffer();
        Setup other = codeOffer();
        String network = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String shop = shopify(Map.of()).get("key").asString();

        String byLink = getPostback(network, params("transaction_id", click(other, hoursAgo(1)), "order_id", "1007",
                "amount", "80.00")).json().get("conversionId").asString();
        Api.Response byCode = deliver(shop, "orders/create", order(7L, "#1007", s.promoCode(), "80.00", "0.00"));

        assertThat(byCode.status()).isEqualTo(200);
        JsonNode codeConversion = conversion(byCode.json().get("conversionId").asString());
        assertThat(codeConversion.get("status").asString()).isEqualTo("REVERSED");
        assertThat(codeConversion.get("statusReason").asString()).contains(byLink);
        assertThat(conversion(byLink).get("status").asString()).isEqualTo("PENDING");

        // With CODE priority the code wins and the pending link conversion is reversed.
        String codeFirst = shopify(Map.of("creditPriority", "CODE")).get("key").asString();
        String link2 = getPostback(network, params("transaction_id", click(other, hoursAgo(1)), "order_id", "1008",
                "amount", "80.00")).json().get("conversionId").asString();
        String code2 = deliver(codeFirst, "orders/create", order(8L, "#1008", s.promoCode(), "80.00", "0.00"))
                .json().get("conversionId").asString();
        assertThat(conversion(code2).get("status").asString()).isEqualTo("PENDING");
        assertThat(conversion(link2).get("status").asString()).isEqualTo("REVERSED");
    }
}
