package io.linkledger.conversions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.linkledger.conversions.ClaimDecider.Claimed;
import io.linkledger.conversions.Decision.Ignored;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.conversions.ShopifyRefund.Refunded;
import io.linkledger.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify's order, cancellation and refund webhooks. The signature is checked over the exact
 * bytes received ({@link #verify}) before anything else. A paid order is attributed by discount
 * code; a cancelled or voided one reverses its conversion; a refund lowers the sale by the
 * merchandise it takes back, or reverses it when nothing is left.
 *
 * <p>Shopify counts every answer other than 2xx as a failed delivery, retries it and in the end
 * removes the subscription. So a signed, well-formed webhook is always answered 200: what cannot
 * be credited (no member's code, an order never paid, a conversion already paid to the member) is
 * {@link Ignored} with its reason, kept in the inbound log. Only a body that is not a Shopify
 * order or refund is a 400.
 */
@Component
class ShopifyWebhooks {

    static final String ORDERS_CREATE = "orders/create";
    static final String ORDERS_PAID = "orders/paid";
    static final String ORDERS_CANCELLED = "orders/cancelled";
    static final String REFUNDS = "refunds/create";

    /** An order's external id is "order:" and Shopify's order id. */
    static final String ORDER_KEY = "order:";

    private final ClaimDecider decider;
    private final Conversions conversions;
    private final ConversionRepository repository;
    private final JsonMapper json;

    ShopifyWebhooks(ClaimDecider decider, Conversions conversions, ConversionRepository repository, JsonMapper json) {
        this.decider = decider;
        this.conversions = conversions;
        this.repository = repository;
        this.json = json;
    }

    /** Checks {@code X-Shopify-Hmac-Sha256}: base64 HMAC-SHA256 of the body with the app's secret; a 401 if not. */
    void verify(Integration integration, Inbound inbound) {
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

    /** What a verified webhook does, in the caller's transaction. */
    Decision handle(Integration integration, Inbound inbound, Instant receivedAt) {
        String topic = inbound.header("X-Shopify-Topic");
        if (ORDERS_PAID.equals(topic) || integration.reading().orderTopic().equals(topic)) {
            return order(integration, ShopifyOrder.read(ShopifyJson.object(json, inbound.body())), receivedAt);
        }
        if (ORDERS_CANCELLED.equals(topic)) {
            ShopifyOrder order = ShopifyOrder.read(ShopifyJson.object(json, inbound.body()));
            return cancel(integration, order);
        }
        if (REFUNDS.equals(topic)) {
            return refund(integration, ShopifyRefund.read(ShopifyJson.object(json, inbound.body())));
        }
        return new Ignored("Topic " + InboundFields.echo(topic) + " is not one this integration acts on: it credits "
                + ORDERS_PAID + (ORDERS_CREATE.equals(integration.reading().orderTopic()) ? " and " + ORDERS_CREATE : "")
                + ", and applies " + ORDERS_CANCELLED + " and " + REFUNDS);
    }

    /** A paid order is credited to the member whose code it used; one cancelled or voided reverses its conversion. */
    private Decision order(Integration integration, ShopifyOrder order, Instant receivedAt) {
        if (order.cancelled()) {
            return cancel(integration, order);
        }
        if (!order.paid()) {
            return new Ignored("Order " + order.shown() + " is not paid (financial_status: " + order.financialStatus()
                    + "); it is credited when Shopify sends " + ORDERS_PAID);
        }
        if (order.codes().isEmpty()) {
            return new Ignored("Order " + order.shown() + " used no discount code");
        }
        Claim claim = order.claim(receivedAt);
        String outside = InboundFields.outsideWindow(claim.convertedAt(), receivedAt);
        if (outside != null) {
            return new Ignored("Order " + order.shown() + " was created at " + outside);
        }
        Decision decision = decider.decide(new Claimed(integration, claim));
        return decision instanceof Refused refused ? new Ignored(refused.problem().getMessage()) : decision;
    }

    /** Reverses the order's conversion; a paid one stays as it is (the lifecycle's rule), with the reason logged. */
    private Decision cancel(Integration integration, ShopifyOrder order) {
        Conversion c = conversionOf(integration, order.id());
        if (c == null) {
            return new Ignored("Order " + order.shown() + " was cancelled; no conversion credits it");
        }
        if (c.state().status() == ConversionStatus.REVERSED) {
            return new Recorded(c, true);
        }
        if (c.state().status() == ConversionStatus.PAID) {
            return paid(c, "reversed");
        }
        String reason = "Order " + order.shown() + " was cancelled in Shopify"
                + (order.cancelReason() == null ? "" : " (" + order.cancelReason() + ")");
        return new Recorded(conversions.reverseFrom(c, "CANCELLED", reason), false);
    }

    /** Lowers the sale by the merchandise refunded, or reverses the conversion when nothing is left; once per refund. */
    private Decision refund(Integration integration, ShopifyRefund refund) {
        Conversion c = conversionOf(integration, refund.orderId());
        if (c == null) {
            return new Ignored("Refund " + refund.id() + " is for order " + refund.orderId()
                    + ", which no conversion credits");
        }
        String marker = "Refund " + refund.id();
        if (repository.changes(c.id()).stream().anyMatch(ch -> ch.reason() != null && ch.reason().startsWith(marker))) {
            return new Recorded(c, true);
        }
        if (c.state().status() == ConversionStatus.REVERSED) {
            return new Ignored(marker + " is for conversion " + c.id() + ", which is reversed already");
        }
        if (c.state().status() == ConversionStatus.PAID) {
            return paid(c, "changed by " + marker);
        }
        Money sale = c.amounts().sale();
        Refunded refunded = refund.merchandise(sale.currency());
        if (refunded.problem() != null) {
            return new Ignored("Cannot apply " + refunded.problem());
        }
        if (refunded.amount().minor() == 0) {
            return new Ignored(marker + " takes back no merchandise (shipping, duties or tax only); the sale is unchanged");
        }
        if (refunded.amount().minor() >= sale.minor()) {
            return new Recorded(conversions.reverseFrom(c, "REFUNDED", marker + ": the whole order was refunded"), false);
        }
        return new Recorded(conversions.adjust(c, sale.minus(refunded.amount()), c.amounts().networkCommission(),
                "REFUND", marker + ": " + refunded.amount().toDecimalString() + " refunded"), false);
    }

    /**
     * The lifecycle does not change a conversion already paid to the member ({@link
     * Conversions#paidAlready}): its commission left with a completed payment, and taking it back
     * is a correction on the member's balance, which the brand decides. For Shopify that is no
     * delivery to retry: it is answered 200 and the reason kept in the inbound log.
     */
    private static Ignored paid(Conversion c, String change) {
        return new Ignored(Conversions.paidAlready(c, change).getMessage());
    }

    private Conversion conversionOf(Integration integration, String orderId) {
        return repository.findByKey(integration.brandId(), integration.conversionKey(ORDER_KEY + orderId)).orElse(null);
    }
}
