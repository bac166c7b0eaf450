package io.linkledger.webhooks;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every delivery: {@code {id, type, created, data}}. {@code id} is the event's, the
 * same on every attempt and replay, so a receiver can drop repeats; {@code data} is one of the
 * records below, by {@code type}. Amounts are decimal strings in {@code currency}, times ISO-8601 UTC.
 */
@Schema(name = "WebhookPayload")
record WebhookPayload(UUID id, WebhookEvent type, Instant created, Object data) {

    /** {@code conversion.*}: the conversion as it is after the change; {@code previousStatus} is null when new. */
    @Schema(name = "WebhookConversionData")
    record ConversionData(UUID conversionId, String status, String previousStatus, UUID offerId, UUID memberId,
            String orderId, String transactionId, String promoCode, String amount, String commission,
            String currency, String reason, Instant convertedAt, boolean test) {
    }

    /** {@code payment.completed} and {@code payment.failed}: one member's payout in a payment. */
    @Schema(name = "WebhookPaymentData")
    record PaymentData(UUID paymentId, UUID memberId, String amount, String currency, String reason, Instant at) {
    }

    /**
     * {@code member.assigned}: a member newly added to an offer, with the tracking link and promo
     * code the offer uses (null when it has none). The dashboard link is left out: it opens the
     * member's dashboard without a password, and delivery payloads are kept in plain text.
     */
    @Schema(name = "WebhookAssignmentData")
    record AssignmentData(UUID offerId, UUID memberId, UUID projectId, String trackingLink, String promoCode) {
    }
}
