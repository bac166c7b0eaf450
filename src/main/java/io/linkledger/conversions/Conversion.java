package io.linkledger.conversions;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

/**
 * A conversion credited to one member in one offer: who it is credited to, where it came from,
 * what it is worth and where it stands.
 */
public record Conversion(UUID id, UUID brandId, Credit credit, Source source, Amounts amounts, State state) {

    /** SALE and LEAD come from a network or shop; CPC is the daily accrual of paid clicks. */
    public enum Kind {
        SALE, LEAD, CPC
    }

    /** What tied the conversion to the member. */
    public enum AttributedBy {
        LINK, CODE, MEMBER, CLICKS
    }

    /**
     * Who the conversion is credited to, and what tied it to them: the click's transaction id (and
     * the click's visitor key) or a promo code.
     */
    public record Credit(UUID offerId, UUID memberId, UUID assignmentId, UUID projectId, AttributedBy by,
            String transactionId, String promoCode, String visitorKey) {
    }

    /**
     * Where it came from: the integration, the idempotency key ("integration id:external id", or
     * "cpc:assignment:day"), the order it is for and when it happened. A test purchase is never paid.
     */
    public record Source(UUID integrationId, String idempotencyKey, Kind kind, String orderId, boolean test,
            Instant convertedAt) {

        /** The order id as compared across channels, or null when there is none. */
        String orderKey() {
            return orderKeyOf(orderId);
        }

        /** Order ids compared across channels: "#1001" from a shop and "1001" from a network are one order. */
        static String orderKeyOf(String orderId) {
            if (orderId == null || orderId.isBlank()) {
                return null;
            }
            String key = orderId.trim();
            while (key.startsWith("#")) {
                key = key.substring(1);
            }
            return key.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What it is worth. {@code sale} is the commission base (the order subtotal after discounts);
     * {@code commission} is what the member earns, computed here; {@code networkCommission} is what
     * the network said it pays, when it said so.
     */
    public record Amounts(Money sale, Money commission, Money networkCommission, PayoutType payoutType) {
    }

    /** Where it stands: its status and why, the payment that paid it, and when it was made and last changed. */
    public record State(ConversionStatus status, String reason, UUID paymentId, Instant createdAt,
            Instant updatedAt) {
    }

    /** What the member is owed for it: nothing while held or once reversed, nothing for a test. */
    Money owedCommission() {
        return paysNothing() ? Money.zero(amounts.commission().currency()) : amounts.commission();
    }

    Money owedNetworkCommission() {
        Money network = amounts.networkCommission();
        return paysNothing() || network == null ? Money.zero(amounts.commission().currency()) : network;
    }

    private boolean paysNothing() {
        return !state.status().counts() || source.test();
    }

    /** Whether it takes part in crediting its order once: a live (held too), real one with an order id. */
    boolean creditsOrder() {
        return state.status() != ConversionStatus.REVERSED && !source.test() && source.orderKey() != null;
    }

    /** The conversion moved to another status; a null {@code reason} keeps the one it had. */
    Conversion moved(ConversionStatus to, String reason, UUID paymentId, Instant at) {
        return new Conversion(id, brandId, credit, source, amounts,
                new State(to, reason == null ? state.reason() : reason, paymentId, state.createdAt(), at));
    }

    /** The conversion with new amounts, in the status it has. */
    Conversion repriced(Amounts newAmounts, String reason, Instant at) {
        return new Conversion(id, brandId, credit, source, newAmounts,
                new State(state.status(), reason == null ? state.reason() : reason, state.paymentId(),
                        state.createdAt(), at));
    }
}
