package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.linkledger.conversions.ShopifyJson.ShopMoney;
import io.linkledger.shared.Validation;
import tools.jackson.databind.JsonNode;

/**
 * What crediting a Shopify order needs from an {@code orders/*} webhook, read strictly: a body
 * that is not a Shopify order is a 400 problem. Amounts are the shop's currency
 * ({@code shop_money}), never the customer's presentment currency.
 */
record ShopifyOrder(String id, String name, String currency, BigDecimal base, Instant createdAt, boolean test,
        String financialStatus, boolean cancelled, String cancelReason, List<String> codes, String buyerEmail) {

    /** Financial statuses of an order whose payment was captured (REST and webhook values, lower case). */
    private static final Set<String> PAID = Set.of("paid", "partially_refunded");
    /** Shopify allows discount codes of up to 255 characters. */
    private static final int MAX_CODE = 255;
    private static final int MAX_WORD = 100;

    static ShopifyOrder read(JsonNode order) {
        Validation v = new Validation();
        String id = ShopifyJson.id(order, "id", v);
        String name = ShopifyJson.text(order, "name", InboundFields.MAX_ID, v);
        String currency = InboundFields.currency(ShopifyJson.text(order, "currency", MAX_WORD, v), "currency", v);
        v.check(currency != null || v.has("currency"), "currency", "is required: the shop's currency");
        ShopMoney subtotal = ShopifyJson.shopMoney(order, "subtotal_price_set", "subtotal_price", v);
        ShopMoney tax = ShopifyJson.shopMoney(order, "total_tax_set", "total_tax", v);
        v.check(subtotal != null || v.has("subtotal_price") || v.has("subtotal_price_set.shop_money.amount"),
                "subtotal_price", "is required");
        for (ShopMoney money : new ShopMoney[] {subtotal, tax}) {
            if (money != null) {
                v.check(money.amount().signum() >= 0, "subtotal_price", "must not be negative");
                v.check(money.currency() == null || currency == null || money.currency().equals(currency),
                        "subtotal_price_set", "shop_money is in " + money.currency() + ", the shop in " + currency);
            }
        }
        boolean taxesIncluded = ShopifyJson.flag(order, "taxes_included", v);
        boolean test = ShopifyJson.flag(order, "test", v);
        Instant created = time(ShopifyJson.text(order, "created_at", MAX_WORD, v), "created_at", v);
        String financial = ShopifyJson.text(order, "financial_status", MAX_WORD, v);
        String cancelledAt = ShopifyJson.text(order, "cancelled_at", MAX_WORD, v);
        String cancelReason = ShopifyJson.text(order, "cancel_reason", MAX_WORD, v);
        List<String> codes = new ArrayList<>();
        for (JsonNode code : ShopifyJson.objects(order, "discount_codes", v)) {
            String text = ShopifyJson.text(code, "code", MAX_CODE, v);
            if (text != null) {
                codes.add(text);
            }
        }
        // The order's email, else its customer's: who bought, for the self-referral rule.
        String email = ShopifyJson.text(order, "email", InboundFields.MAX_EMAIL, v);
        JsonNode customer = order.get("customer");
        if (email == null && customer != null && customer.isObject()) {
            email = ShopifyJson.text(customer, "email", InboundFields.MAX_EMAIL, v);
        }
        v.throwIfInvalid();
        // subtotal_price is after discounts, before shipping and tax, unless prices include tax.
        BigDecimal base = taxesIncluded && tax != null ? subtotal.amount().subtract(tax.amount()) : subtotal.amount();
        String status = financial == null ? null : financial.toLowerCase(Locale.ROOT);
        return new ShopifyOrder(id, name, currency, base.max(BigDecimal.ZERO), created, test, status,
                cancelledAt != null || "voided".equals(status), cancelReason, List.copyOf(codes), email);
    }

    /** Whether the payment was captured: only then is there a sale to pay commission on. */
    boolean paid() {
        return PAID.contains(financialStatus);
    }

    /** The order as people know it: its name ({@code #1001}), else its id. */
    String shown() {
        return name != null ? name : id;
    }

    /** What the order claims, dated when it was created (the time of receipt when Shopify sent no date). */
    Claim claim(Instant receivedAt) {
        return new Claim(ShopifyWebhooks.ORDER_KEY + id, Conversion.Kind.SALE, null, null, null, codes, shown(), base,
                null, currency, null, createdAt == null ? receivedAt : createdAt, test, buyerEmail);
    }

    private static Instant time(String text, String field, Validation v) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            v.add(field, InboundFields.echo(text) + " is not an ISO-8601 time");
            return null;
        }
    }
}
