package io.linkledger.conversions;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

/**
 * A conversion credited to one member in one offer. {@code commission} is what the member
 * earns (computed here); {@code networkCommission} is what the network said it pays, when it
 * said so. {@code sale} is the commission base: the order subtotal after discounts.
 */
public record Conversion(UUID id, UUID brandId, UUID offerId, UUID memberId, UUID assignmentId, UUID projectId,
        UUID integrationId, String idempotencyKey, Kind kind, AttributedBy attributedBy, String transactionId,
        String promoCode, String orderId, ConversionStatus status, Money sale, Money commission,
        Money networkCommission, PayoutType payoutType, boolean test, Instant convertedAt, Instant createdAt,
        Instant updatedAt, String statusReason, UUID paymentId) {

    /** SALE and LEAD come from a network or shop; CPC is the daily accrual of paid clicks. */
    public enum Kind {
        SALE, LEAD, CPC
    }

    /** What tied the conversion to the member. */
    public enum AttributedBy {
        LINK, CODE, MEMBER, CLICKS
    }

    /** What the member is owed for it: nothing once reversed, nothing for a test. */
    Money owedCommission() {
        return status == ConversionStatus.REVERSED || test ? Money.zero(commission.currency()) : commission;
    }

    Money owedNetworkCommission() {
        Money network = networkCommission == null ? Money.zero(commission.currency()) : networkCommission;
        return status == ConversionStatus.REVERSED || test ? Money.zero(commission.currency()) : network;
    }

    Conversion with(ConversionStatus newStatus, Money newSale, Money newCommission, Money newNetwork, String reason,
            UUID newPaymentId, Instant at) {
        return new Conversion(id, brandId, offerId, memberId, assignmentId, projectId, integrationId, idempotencyKey,
                kind, attributedBy, transactionId, promoCode, orderId, newStatus, newSale, newCommission, newNetwork,
                payoutType, test, convertedAt, createdAt, at, reason, newPaymentId);
    }

    /** Order ids compared across channels: "#1001" from a shop and "1001" from a network are one order. */
    static String orderKey(String orderId) {
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
