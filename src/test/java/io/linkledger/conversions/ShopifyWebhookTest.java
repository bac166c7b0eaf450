package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.Money;
import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's webhooks as Shopify sends them: every body starts from the samples Shopify publishes
 * (src/test/resources/counterparties/shopify, provenance in SOURCES.md). Shopify publishes one and
 * the same sample order, cancelled and voided, for orders/create, orders/paid and
 * orders/cancelled, so a paid order is that sample with its payment fields set as a paid order
 * has them (NOTES.md: "build topic-specific variants on top of this real shape"); each test says
 * which fields it changes. Values the samples do not have (a member's code, a recent date) are
 * set the same way.
 */
class ShopifyWebhookTest extends ConversionApiTest {

    static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";
    /** The id of Shopify's sample order: above 2^53, so it must never pass through a double. */
    static final String SAMPLE_ORDER_ID = "820982911946154508";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Conversions conversions;

    @Autowired
    TransactionTemplate transactions;

    private Setup codeOffer() {
        return offerWithMember(Map.of("name", "Codes " + UUID.randomUUID(), "type", "LINK_AND_CODE",
                "conversionType", "SALE", "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
    }

    private JsonNode shopify(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "SHOPIFY", "name", "Shop", "secret", SECRET));
        body.putAll(extra);
        return integration(body);
    }

    static ObjectNode sample(String file) {
        try (InputStream in = ShopifyWebhookTest.class.getResourceAsStream("/counterparties/shopify/" + file)) {
            return (ObjectNode) JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sampleText(String file) {
        try (InputStream in = ShopifyWebhookTest.class.getResourceAsStream("/counterparties/shopify/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Shopify's published orders/paid sample made into a paid order of this shop: payment captured
     * ({@code financial_status: paid}, not cancelled, not a test), created an hour ago, with
     * {@code code} as its discount code. Amounts, currencies and the id are the sample's.
     */
    static ObjectNode paidOrder(String code) {
        ObjectNode order = sample("webhook-orders-paid.json");
        order.put("financial_status", "paid");
        order.putNull("cancelled_at");
        order.putNull("cancel_reason");
        order.put("test", false);
        order.put("created_at", OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(1).withNano(0).toString());
        ArrayNode codes = order.putArray("discount_codes");
        if (code != null) {
            codes.addObject().put("code", code).put("amount", "10.00").put("type", "fixed_amount");
        }
        return order;
    }

    /**
     * A paid order for tests of other features: Shopify's published sample made paid (see
     * {@link #paidOrder}), with this id, name, code and subtotal (no tax), created on 20 November 2026.
     */
    static String order(long id, String name, String code, String subtotal, String tax) {
        ObjectNode order = paidOrder(code);
        order.put("id", id).put("name", name).put("subtotal_price", subtotal).put("total_tax", tax)
                .put("created_at", "2026-11-20T10:15:00-05:00");
        ((ObjectNode) order.get("subtotal_price_set").get("shop_money")).put("amount", subtotal);
        ((ObjectNode) order.get("subtotal_price_set").get("presentment_money")).put("amount", subtotal);
        ((ObjectNode) order.get("total_tax_set").get("shop_money")).put("amount", tax);
        ((ObjectNode) order.get("total_tax_set").get("presentment_money")).put("amount", tax);
        return JSON.writeValueAsString(order);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** A delivery with the headers Shopify's reference shows (webhook-delivery-headers.example.http). */
    Api.Response deliver(String key, String topic, String body, String signature, String webhookId) {
        HttpRequest.Builder request = api.withKey(null).request("/webhooks/shopify/" + key)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", "snowdevil.myshopify.com")
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Triggered-At", "2025-07-10T16:15:47.000000Z")
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        return api.withKey(null).send(request);
    }

    Api.Response deliver(String key, String topic, String body) throws Exception {
        return deliver(key, topic, body, hmac(SECRET, body.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID().toString());
    }

    Api.Response deliver(String key, String topic, JsonNode body) throws Exception {
        return deliver(key, topic, JSON.writeValueAsString(body));
    }

    private String creditedOrder(String key, Setup s) throws Exception {
        Api.Response response = deliver(key, "orders/paid", paidOrder(s.promoCode()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).as(response.toString()).isEqualTo("ACCEPTED");
        return response.json().get("conversionId").asString();
    }

    private static void acknowledgedAndIgnored(Api.Response response, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(response.json().get("conversionId").isNull()).isTrue();
        assertThat(response.json().get("reason").asString()).contains(reason);
    }

    @Test
    void anOrderWhoseCustomerIsTheMemberIsHeldAsASelfReferral() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String memberEmail = api.get("/api/v1/members/" + s.memberId()).json().get("email").asString();
        // Shopify's sample order, bought by the member: no order email, the customer's is theirs.
        ObjectNode order = paidOrder(s.promoCode());
        order.putNull("email");
        ((ObjectNode) order.get("customer")).put("email", memberEmail.toUpperCase(java.util.Locale.ROOT));

        Api.Response response = deliver(key, "orders/paid", order);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("HELD");
        JsonNode held = conversion(response.json().get("conversionId").asString());
        assertThat(held.get("holds")).hasSize(1);
        assertThat(held.get("holds").get(0).get("rule").asString()).isEqualTo("SELF_REFERRAL");
        assertThat(held.get("holds").get(0).get("detail").asString())
                .isEqualTo("The buyer's email (" + memberEmail.toUpperCase(java.util.Locale.ROOT)
                        + ") matches the member's email.");

        // The sample as published (a stranger's email) is not held.
        Setup other = codeOffer();
        Api.Response stranger = deliver(key, "orders/paid", paidOrder(other.promoCode()).put("id", 42).put("name", "#42"));
        assertThat(stranger.json().get("status").asString()).as(stranger.toString()).isEqualTo("PENDING");
    }

    @Test
    void paidOrderIsCreditedByDiscountCodeOnTheSubtotalInTheShopsMoney() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of());
        ObjectNode order = paidOrder(s.promoCode().toLowerCase());
        // The customer saw euros; Shopify's shop_money stays the shop's dollars.
        order.put("presentment_currency", "EUR");
        ((ObjectNode) order.get("subtotal_price_set").get("presentment_money")).put("amount", "371.12")
                .put("currency_code", "EUR");

        Api.Response response = deliver(integration.get("key").asString(), "orders/paid", order);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode c = conversion(response.json().get("conversionId").asString());
        assertThat(c.get("memberId").asString()).isEqualTo(s.memberId());
        assertThat(c.get("attributedBy").asString()).isEqualTo("CODE");
        assertThat(c.get("promoCode").asString()).isEqualTo(s.promoCode());
        assertThat(c.get("amount").asString()).isEqualTo("404.95"); // the sample's subtotal_price_set.shop_money
        assertThat(c.get("commission").asString()).isEqualTo("40.50"); // 40.495, half-even
        assertThat(c.get("currency").asString()).isEqualTo("USD");
        assertThat(c.get("orderId").asString()).isEqualTo("#9999");
        assertThat(jdbc.sql("select idempotency_key from conversions where id = ?")
                .param(UUID.fromString(c.get("id").asString())).query(String.class).single())
                .endsWith(":order:" + SAMPLE_ORDER_ID);
    }

    @Test
    void orderWithoutAMembersCodeIsAcknowledgedAndLoggedAsIgnored() throws Exception {
        codeOffer();
        JsonNode integration = shopify(Map.of());
        String key = integration.get("key").asString();

        // Most orders of a shop: no code at all, or a code that is no member's.
        acknowledgedAndIgnored(deliver(key, "orders/paid", paidOrder(null)), "used no discount code");
        acknowledgedAndIgnored(deliver(key, "orders/paid", paidOrder("SUMMERSALE")), "SUMMERSALE");

        assertThat(conversionCount()).isZero();
        JsonNode logged = lastRequest(integration.get("id").asString());
        assertThat(logged.get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(logged.get("statusCode").asInt()).isEqualTo(200);
        assertThat(logged.get("reason").asString()).contains("SUMMERSALE");
    }

    @Test
    void refundOfAnOrderNobodyIsCreditedForIsAcknowledged() throws Exception {
        JsonNode integration = shopify(Map.of());

        // Shopify's refunds/create sample exactly as published.
        acknowledgedAndIgnored(deliver(integration.get("key").asString(), "refunds/create",
                sampleText("webhook-refunds-create.json")), "no conversion credits");
    }

    @Test
    void cancelledOrderReversesItsConversion() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String id = creditedOrder(key, s);

        // Shopify's orders/cancelled sample exactly as published: the same order, cancelled by the customer.
        Api.Response cancelled = deliver(key, "orders/cancelled", sampleText("webhook-orders-cancelled.json"));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("outcome").asString()).isEqualTo("ACCEPTED");
        JsonNode c = conversion(id);
        assertThat(c.get("status").asString()).isEqualTo("REVERSED");
        assertThat(c.get("statusReason").asString()).contains("cancelled in Shopify (customer)");
        assertThat(moneyEvents.of(UUID.fromString(id)).getLast().memberCommissionAfter().minor()).isZero();
        // Delivered again (a new delivery of the same cancellation): nothing more happens.
        assertThat(deliver(key, "orders/cancelled", sampleText("webhook-orders-cancelled.json")).json()
                .get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(conversion(id).get("history")).hasSize(2);
    }

    @Test
    void voidedOrderArrivingOnAnOrderTopicIsNotCredited() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        ObjectNode voided = paidOrder(s.promoCode());
        voided.put("financial_status", "voided"); // the published sample's own status

        acknowledgedAndIgnored(deliver(key, "orders/paid", voided), "was cancelled");

        assertThat(conversionCount()).isZero();
    }

    @Test
    void aConversionAlreadyPaidToTheMemberIsNotReversedAndTheReasonIsLogged() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of());
        String key = integration.get("key").asString();
        String id = creditedOrder(key, s);
        assertThat(api.post("/api/v1/conversions/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        UUID paymentId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> conversions.markPaid(brand.id(), UUID.fromString(s.memberId()),
                paymentId, Money.ofMinor(4050, "USD")));
        assertThat(conversion(id).get("status").asString()).isEqualTo("PAID");

        acknowledgedAndIgnored(deliver(key, "orders/cancelled", sampleText("webhook-orders-cancelled.json")),
                "was paid to the member in payment " + paymentId);
        ObjectNode refund = sample("webhook-refunds-create.json");
        acknowledgedAndIgnored(deliver(key, "refunds/create", refund), "cannot be");

        assertThat(conversion(id).get("status").asString()).isEqualTo("PAID");
        assertThat(lastRequest(integration.get("id").asString()).get("reason").asString())
                .contains("book a correction");
    }

    @Test
    void onlyPaidOrdersAreCreditedWhicheverTopicCarriesThem() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of("orderTopic", "orders/create")).get("key").asString();
        ObjectNode unpaid = paidOrder(s.promoCode());
        unpaid.put("financial_status", "pending");

        acknowledgedAndIgnored(deliver(key, "orders/create", unpaid), "is not paid (financial_status: pending)");
        assertThat(conversionCount()).isZero();
        ObjectNode authorized = paidOrder(s.promoCode());
        authorized.put("financial_status", "authorized");
        acknowledgedAndIgnored(deliver(key, "orders/create", authorized), "is not paid");

        // The payment arrives later: orders/paid credits it, whatever orderTopic says.
        assertThat(deliver(key, "orders/paid", paidOrder(s.promoCode())).json().get("outcome").asString())
                .isEqualTo("ACCEPTED");
        // And a paid orders/create of the same order afterwards is the same order: not counted twice.
        assertThat(deliver(key, "orders/create", paidOrder(s.promoCode())).json().get("outcome").asString())
                .isEqualTo("DUPLICATE");
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void withOrderTopicOrdersPaidOrdersCreateIsNotActedOn() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of("orderTopic", "orders/paid")).get("key").asString();

        acknowledgedAndIgnored(deliver(key, "orders/create", paidOrder(s.promoCode())), "not one this integration acts on");
        acknowledgedAndIgnored(deliver(key, "products/update", "{\"id\":632910392}"), "products/update");

        assertThat(conversionCount()).isZero();
    }

    @Test
    void partialRefundTakesBackTheRefundedLinesInTheShopsMoney() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String id = creditedOrder(key, s);
        // Shopify's refunds/create sample for the same order, keeping its first refunded line only
        // (the sample's five lines add up to more than the order's subtotal, see NOTES.md), with a
        // presentment amount in another currency to show the shop's money is what counts.
        ObjectNode partial = sample("webhook-refunds-create.json");
        ArrayNode lines = (ArrayNode) partial.get("refund_line_items");
        while (lines.size() > 1) {
            lines.remove(1);
        }
        ((ObjectNode) lines.get(0).get("subtotal_set").get("presentment_money")).put("amount", "82.47")
                .put("currency_code", "EUR");

        Api.Response response = deliver(key, "refunds/create", partial);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode c = conversion(id);
        assertThat(c.get("amount").asString()).isEqualTo("314.96"); // 404.95 - 89.99
        assertThat(c.get("commission").asString()).isEqualTo("31.50"); // 31.496
        assertThat(c.get("status").asString()).isEqualTo("PENDING");
        // The same refund delivered again under a new delivery id is not applied twice.
        assertThat(deliver(key, "refunds/create", partial).json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(conversion(id).get("amount").asString()).isEqualTo("314.96");

        // Shopify's sample as published refunds all five lines: nothing is left, the conversion is reversed.
        ObjectNode rest = sample("webhook-refunds-create.json");
        rest.put("id", 890088186047892320L);
        deliver(key, "refunds/create", rest);
        JsonNode reversed = conversion(id);
        assertThat(reversed.get("status").asString()).isEqualTo("REVERSED");
        assertThat(reversed.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("CREATED", "REFUND", "REFUNDED");
    }

    @Test
    void refundWithTransactionsOnlyTakesBackTheMoneyReturned() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String id = creditedOrder(key, s);
        // The published sample without its line items: an amount refunded without naming items.
        // Its two refund transactions (75.00 and 10.00, currency null: the shop's) are what was returned.
        ObjectNode amountOnly = sample("webhook-refunds-create.json");
        amountOnly.putArray("refund_line_items");

        deliver(key, "refunds/create", amountOnly);

        assertThat(conversion(id).get("amount").asString()).isEqualTo("319.95"); // 404.95 - 85.00
    }

    @Test
    void shippingRefundLeavesTheSaleAndItsOrderAdjustmentIsFollowed() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        String id = creditedOrder(key, s);
        // Shopify's shipping refund (REST example): no line item, a shipping_refund adjustment of -5.00.
        ObjectNode shipping = (ObjectNode) sample("rest-refund-shipping-order-adjustment.json").get("refund");
        shipping.put("order_id", Long.parseLong(SAMPLE_ORDER_ID));

        acknowledgedAndIgnored(deliver(key, "refunds/create", shipping), "takes back no merchandise");
        assertThat(conversion(id).get("amount").asString()).isEqualTo("404.95");

        // CONSTRUCTED on that shape: one line of 89.99 refunded for 80.00, which Shopify records as a
        // refund_discrepancy adjustment of +9.99 (refunded less than the items' value).
        ObjectNode discrepancy = shipping.deepCopy();
        discrepancy.put("id", 929361472L);
        discrepancy.putArray("refund_shipping_lines");
        discrepancy.set("refund_line_items", sample("webhook-refunds-create.json").get("refund_line_items"));
        ArrayNode lines = (ArrayNode) discrepancy.get("refund_line_items");
        while (lines.size() > 1) {
            lines.remove(1);
        }
        ObjectNode adjustment = (ObjectNode) discrepancy.get("order_adjustments").get(0);
        adjustment.put("kind", "refund_discrepancy").put("reason", "Refund discrepancy").put("amount", "9.99");
        ((ObjectNode) adjustment.get("amount_set").get("shop_money")).put("amount", "9.99");
        ((ObjectNode) adjustment.get("amount_set").get("presentment_money")).put("amount", "9.99");

        deliver(key, "refunds/create", discrepancy);

        assertThat(conversion(id).get("amount").asString()).isEqualTo("324.95"); // 404.95 - (89.99 - 9.99)
    }

    @Test
    void redeliveryIsAnsweredOnlyWhenItsSignatureHolds() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of());
        String key = integration.get("key").asString();
        String body = JSON.writeValueAsString(paidOrder(s.promoCode()));
        String signature = hmac(SECRET, body.getBytes(StandardCharsets.UTF_8));

        String first = deliver(key, "orders/paid", body, signature, "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9")
                .json().get("conversionId").asString();
        Api.Response again = deliver(key, "orders/paid", body, signature, "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9");
        assertThat(again.json().get("conversionId").asString()).isEqualTo(first);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");

        problem(deliver(key, "orders/paid", body, hmac("not-the-secret", body.getBytes(StandardCharsets.UTF_8)),
                "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9"), 401);
        problem(deliver(key, "orders/paid", body, null, "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9"), 401);
        JsonNode logged = lastRequest(integration.get("id").asString());
        assertThat(logged.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(logged.get("statusCode").asInt()).isEqualTo(401);
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void aSignedBodyThatIsNoShopifyOrderIsABadRequest() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();

        for (String id : List.of("{\"id\": 1}", "[1, 2]", "\"820982911946154508.5\"", "-5", "8.20982911946154508E17",
                "99999999999999999999")) {
            ObjectNode order = paidOrder(s.promoCode());
            order.set("id", JSON.readTree(id));
            JsonNode body = problem(deliver(key, "orders/paid", order), 400);
            assertThat(body.get("errors").get(0).get("field").asString()).as(id).isEqualTo("id");
        }
        ObjectNode order = paidOrder(s.promoCode());
        order.put("subtotal_price", "1e-2147483647");
        order.remove("subtotal_price_set");
        assertThat(problem(deliver(key, "orders/paid", order), 400).toString()).hasSizeLessThan(2048);
        String asNumber = JSON.writeValueAsString(order)
                .replace("\"subtotal_price\":\"1e-2147483647\"", "\"subtotal_price\":1e-2147483647");
        assertThat(asNumber).contains(":1e-2147483647");
        assertThat(problem(deliver(key, "orders/paid", asNumber), 400).toString()).hasSizeLessThan(2048);
        problem(deliver(key, "orders/paid", "not json"), 400);
        problem(deliver(key, "refunds/create", "{\"id\": 5, \"order_id\": {\"id\": 1}}"), 400);
        assertThat(conversionCount()).isZero();
    }

    @Test
    void anUnauthenticatedRequestKeepsOnlyTheStartOfItsBody() throws Exception {
        JsonNode integration = shopify(Map.of());
        String key = integration.get("key").asString();
        String big = "{\"id\":1,\"note\":\"" + "x".repeat(1_000_000) + "\"}";

        problem(deliver(key, "orders/paid", big, "bm90LXNpZ25lZA==", UUID.randomUUID().toString()), 401);

        Map<String, Object> row = jdbc.sql("""
                select length(body) as length, body_truncated, headers from inbound_requests
                where integration_id = ? order by received_at desc limit 1""")
                .param(UUID.fromString(integration.get("id").asString())).query().singleRow();
        assertThat(((Number) row.get("length")).intValue()).isEqualTo(InboundRequest.UNAUTHENTICATED_BODY_CHARS);
        assertThat(row.get("body_truncated")).isEqualTo(true);
        assertThat((String) row.get("headers")).contains("X-Shopify-Topic: orders/paid");
        String requestId = lastRequest(integration.get("id").asString()).get("id").asString();
        JsonNode refused = problem(api.post("/api/v1/integrations/" + integration.get("id").asString() + "/requests/"
                + requestId + "/replay", Map.of()), 409);
        assertThat(refused.get("detail").asString()).contains("cannot be replayed");
    }

    @Test
    void failedWebhookCanBeReplayedAfterFixingTheSecret() throws Exception {
        Setup s = codeOffer();
        JsonNode integration = shopify(Map.of("secret", "an-old-wrong-secret"));
        String body = JSON.writeValueAsString(paidOrder(s.promoCode()));
        problem(deliver(integration.get("key").asString(), "orders/paid", body), 401);
        String requestId = lastRequest(integration.get("id").asString()).get("id").asString();

        api.patch("/api/v1/integrations/" + integration.get("id").asString(), Map.of("secret", SECRET));
        Api.Response replay = api.post("/api/v1/integrations/" + integration.get("id").asString() + "/requests/"
                + requestId + "/replay", Map.of());

        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(conversion(replay.json().get("conversionId").asString()).get("amount").asString()).isEqualTo("404.95");
        JsonNode stored = lastRequest(integration.get("id").asString());
        assertThat(stored.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(stored.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void anOrderInAnotherCurrencyThanTheOffersIsAcknowledgedWithTheReason() throws Exception {
        Setup s = codeOffer();
        String key = shopify(Map.of()).get("key").asString();
        ObjectNode order = paidOrder(s.promoCode());
        order.put("currency", "CAD");
        order.remove("subtotal_price_set");
        order.remove("total_tax_set");

        acknowledgedAndIgnored(deliver(key, "orders/paid", order), "does not match the offer's currency USD");
    }

    @Test
    void orderArrivingByLinkAndByCodeIsCreditedOnce() throws Exception {
        Setup s = codeOffer();
        Setup other = codeOffer();
        String network = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String shop = shopify(Map.of()).get("key").asString();

        String byLink = getPostback(network, params("transaction_id", click(other, hoursAgo(1)), "order_id", "9999",
                "amount", "404.95")).json().get("conversionId").asString();
        Api.Response byCode = deliver(shop, "orders/paid", paidOrder(s.promoCode()));

        assertThat(byCode.status()).isEqualTo(200);
        JsonNode codeConversion = conversion(byCode.json().get("conversionId").asString());
        assertThat(codeConversion.get("status").asString()).isEqualTo("REVERSED");
        assertThat(codeConversion.get("statusReason").asString()).contains(byLink);
        assertThat(conversion(byLink).get("status").asString()).isEqualTo("PENDING");

        // With CODE priority the code wins and the pending link conversion is reversed.
        String codeFirst = shopify(Map.of("creditPriority", "CODE")).get("key").asString();
        ObjectNode second = paidOrder(s.promoCode());
        second.put("id", 820982911946154509L).put("name", "#10000");
        String link2 = getPostback(network, params("transaction_id", click(other, hoursAgo(1)), "order_id", "10000",
                "amount", "80.00")).json().get("conversionId").asString();
        String code2 = deliver(codeFirst, "orders/paid", second).json().get("conversionId").asString();
        assertThat(conversion(code2).get("status").asString()).isEqualTo("PENDING");
        assertThat(conversion(link2).get("status").asString()).isEqualTo("REVERSED");
    }
}
