package io.linkledger.conversions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.linkledger.conversions.ShopifyJson.ShopMoney;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;
import tools.jackson.databind.JsonNode;

/**
 * A Shopify refund ({@code refunds/create}), read strictly, and the merchandise value it takes
 * back. Shopify's Refund resource has two parts: the line items taken back and the transactions
 * of money returned; when they differ (shipping refunded, items refunded for less or more than
 * their price) an order adjustment records the difference.
 */
record ShopifyRefund(String id, String orderId, List<ShopMoney> lines, List<Adjustment> adjustments,
        int shippingLines, List<Payment> transactions) {

    /** An order adjustment: {@code shipping_refund} or {@code refund_discrepancy}, signed as Shopify signs it. */
    record Adjustment(String kind, ShopMoney amount) {
    }

    /** A refund transaction: money returned to the customer, in its own (often unstated) currency. */
    record Payment(String kind, String status, BigDecimal amount, String currency) {
    }

    /** The value the refund takes off the commission base, or why it cannot say. */
    record Refunded(Money amount, String problem) {
    }

    private static final int MAX_WORD = 100;

    static ShopifyRefund read(JsonNode refund) {
        Validation v = new Validation();
        String id = ShopifyJson.id(refund, "id", v);
        String orderId = ShopifyJson.id(refund, "order_id", v);
        List<ShopMoney> lines = new ArrayList<>();
        for (JsonNode line : ShopifyJson.objects(refund, "refund_line_items", v)) {
            ShopMoney subtotal = ShopifyJson.shopMoney(line, "subtotal_set", "subtotal", v);
            if (subtotal != null) {
                lines.add(subtotal);
            }
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (JsonNode adjustment : ShopifyJson.objects(refund, "order_adjustments", v)) {
            ShopMoney amount = ShopifyJson.shopMoney(adjustment, "amount_set", "amount", v);
            adjustments.add(new Adjustment(ShopifyJson.text(adjustment, "kind", MAX_WORD, v), amount));
        }
        int shippingLines = ShopifyJson.objects(refund, "refund_shipping_lines", v).size();
        List<Payment> transactions = new ArrayList<>();
        for (JsonNode t : ShopifyJson.objects(refund, "transactions", v)) {
            transactions.add(new Payment(ShopifyJson.text(t, "kind", MAX_WORD, v),
                    ShopifyJson.text(t, "status", MAX_WORD, v),
                    InboundFields.signedAmount(ShopifyJson.text(t, "amount", MAX_WORD, v), "transactions.amount", v),
                    ShopifyJson.text(t, "currency", MAX_WORD, v)));
        }
        v.throwIfInvalid();
        return new ShopifyRefund(id, orderId, List.copyOf(lines), List.copyOf(adjustments), shippingLines,
                List.copyOf(transactions));
    }

    /**
     * The merchandise value taken back, in the shop's {@code currency}: the refunded line items'
     * subtotals less the {@code refund_discrepancy} adjustments (positive when less money was
     * returned than the items were worth, negative when more). Shipping refunds and their
     * adjustments are left out, as shipping is not in the commission base. A refund with nothing
     * but transactions (an amount refunded without naming items) takes back the money returned.
     */
    Refunded merchandise(Currency currency) {
        BigDecimal total = BigDecimal.ZERO;
        String code = currency.getCurrencyCode();
        if (lines.isEmpty() && adjustments.isEmpty() && shippingLines == 0) {
            for (Payment t : transactions) {
                if ("refund".equals(t.kind()) && "success".equals(t.status()) && t.amount() != null) {
                    if (t.currency() != null && !t.currency().equalsIgnoreCase(code)) {
                        return new Refunded(null, "refund " + id + " returned money in " + InboundFields.echo(t.currency())
                                + ", not the shop's " + code);
                    }
                    total = total.add(t.amount());
                }
            }
        } else {
            for (ShopMoney line : lines) {
                if (line.currency() != null && !line.currency().equals(code)) {
                    return new Refunded(null, "refund " + id + " is in " + line.currency() + ", the conversion in " + code);
                }
                total = total.add(line.amount());
            }
            for (Adjustment adjustment : adjustments) {
                ShopMoney amount = adjustment.amount();
                if ("refund_discrepancy".equals(adjustment.kind()) && amount != null) {
                    if (amount.currency() != null && !amount.currency().equals(code)) {
                        return new Refunded(null, "refund " + id + " is in " + amount.currency() + ", the conversion in "
                                + code);
                    }
                    total = total.subtract(amount.amount());
                }
            }
        }
        try {
            return new Refunded(Money.of(total.max(BigDecimal.ZERO), currency), null);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Refunded(null, "refund " + id + ": " + e.getMessage());
        }
    }
}
