package io.linkledger.conversions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.linkledger.conversions.ClaimDecider.Claimed;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify order and refund webhooks. The signature is checked over the exact bytes received;
 * orders are attributed by discount code; refunds lower the sale (partial) or reverse it (full).
 */
@Component
class ShopifyWebhooks {

    static final String REFUNDS = "refunds/create";

    /** An order's external id is "order:" and Shopify's order id. */
    private static final String ORDER = "order:";

    private final ClaimDecider decider;
    private final Conversions conversions;
    private final ConversionRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    ShopifyWebhooks(ClaimDecider decider, Conversions conversions, ConversionRepository repository, JsonMapper json,
            Clock clock) {
        this.decider = decider;
        this.conversions = conversions;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the webhook did: an order decided as any claim is, a refund applied to its order's
     * conversion; null when the topic is not one we act on. Called in the caller's transaction.
     */
    Decision handle(Integration integration, Inbound inbound) {
        verify(integration, inbound);
        String topic = inbound.header("X-Shopify-Topic");
        JsonNode body = parse(inbound.body());
        if (integration.reading().orderTopic().equals(topic)) {
            return decider.decide(new Claimed(integration, order(body)));
        }
        if (REFUNDS.equals(topic)) {
            return refund(integration, body);
        }
        return null;
    }

    private static void verify(Integration integration, Inbound inbound) {
        String given = inbound.header("X-Shopify-Hmac-Sha256");
        if (given == null) {
            throw Signatures.unauthorized("X-Shopify-Hmac-Sha256 header is missing");
        }
        byte[] raw = inbound.body() == null ? new byte[0] : inbound.body().getBytes(StandardCharsets.UTF_8);
        String expected = Signatures.hmacSha256Base64(integration.credentials().secret(), raw);
        if (!Signatures.same(expected, given.trim())) {
            throw Signatures.unauthorized("X-Shopify-Hmac-Sha256 does not match the body signed with the app secret");
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("The webhook body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ProblemException.badRequest("The webhook body is not valid JSON");
        }
    }

    private Claim order(JsonNode order) {
        Validation v = new Validation();
        String id = text(order, "id");
        v.check(id != null, "id", "the order has no id");
        BigDecimal subtotal = PostbackParser.decimal(text(order, "subtotal_price"), "subtotal_price", v);
        BigDecimal tax = PostbackParser.decimal(text(order, "total_tax"), "total_tax", v);
        v.check(subtotal != null, "subtotal_price", "is required");
        OffsetDateTime created = null;
        try {
            created = text(order, "created_at") == null ? null : OffsetDateTime.parse(text(order, "created_at"));
        } catch (DateTimeParseException e) {
            v.add("created_at", "'" + text(order, "created_at") + "' is not an ISO-8601 time");
        }
        v.throwIfInvalid();
        // subtotal_price is after discounts, before shipping and tax, unless prices include tax.
        BigDecimal base = order.path("taxes_included").asBoolean(false) && tax != null ? subtotal.subtract(tax) : subtotal;
        List<String> codes = new ArrayList<>();
        order.path("discount_codes").forEach(code -> {
            if (code.hasNonNull("code") && !code.get("code").asString().isBlank()) {
                codes.add(code.get("code").asString().trim());
            }
        });
        if (codes.isEmpty()) {
            throw Attribution.unattributable("the order has no discount code");
        }
        String name = text(order, "name");
        return new Claim(ORDER + id, Conversion.Kind.SALE, null, null, null, codes, name != null ? name : id,
                base.max(BigDecimal.ZERO), null, text(order, "currency"), null,
                created == null ? clock.instant() : created.toInstant(), order.path("test").asBoolean(false));
    }

    private Recorded refund(Integration integration, JsonNode refund) {
        String refundId = text(refund, "id");
        String orderId = text(refund, "order_id");
        if (refundId == null || orderId == null) {
            throw ProblemException.badRequest("A refund needs id and order_id");
        }
        Conversion c = repository.findByKey(integration.brandId(), integration.conversionKey(ORDER + orderId))
                .orElseThrow(() -> Attribution.unattributable("refund " + refundId + " is for order " + orderId
                        + ", which has no conversion"));
        String marker = "Refund " + refundId;
        if (repository.changes(c.id()).stream().anyMatch(ch -> ch.reason() != null && ch.reason().startsWith(marker))) {
            return new Recorded(c, true);
        }
        Validation v = new Validation();
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode line : refund.path("refund_line_items")) {
            BigDecimal subtotal = PostbackParser.decimal(text(line, "subtotal"), "refund_line_items.subtotal", v);
            refunded = subtotal == null ? refunded : refunded.add(subtotal);
        }
        if (refunded.signum() == 0) {
            for (JsonNode t : refund.path("transactions")) {
                if ("refund".equals(text(t, "kind"))) {
                    BigDecimal amount = PostbackParser.decimal(text(t, "amount"), "transactions.amount", v);
                    refunded = amount == null ? refunded : refunded.add(amount);
                }
            }
        }
        v.throwIfInvalid();
        Money amount;
        try {
            amount = Money.of(refunded, c.amounts().sale().currency());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.invalid("refund_line_items", e.getMessage());
        }
        if (amount.minor() >= c.amounts().sale().minor()) {
            return new Recorded(conversions.reverseFrom(c, "REFUNDED", marker + ": the whole order was refunded"), false);
        }
        Money left = c.amounts().sale().minus(amount);
        return new Recorded(conversions.adjust(c, left, c.amounts().networkCommission(), "REFUND",
                marker + ": " + amount.toDecimalString() + " refunded"), false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
