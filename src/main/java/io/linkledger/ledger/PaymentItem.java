package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import io.linkledger.shared.Money;

/**
 * What one member is paid in a payment. The fee is the brand's cost on top of the amount;
 * {@code providerStatus} is the provider's own word for it (PayPal's transaction_status).
 */
public record PaymentItem(UUID id, UUID paymentId, UUID brandId, UUID memberId, Money amount, Money fee,
        PaymentItemStatus status, String receiver, String providerItemId, String failureReason, Instant paidAt,
        String providerStatus, Instant returnedAt) {

    public Currency currency() {
        return amount.currency();
    }

    /** The published OpenAPI schema is named for what it shows. */
    @Schema(name = "PaymentItem")
    public record View(UUID id, UUID paymentId, UUID memberId, String amount, String fee, String currency,
            String status, String receiver, String failureReason, Instant paidAt, String providerStatus,
            Instant returnedAt) {
    }

    View view() {
        return new View(id, paymentId, memberId, amount.toDecimalString(), fee.toDecimalString(),
                currency().getCurrencyCode(), status.name(), receiver, failureReason, paidAt, providerStatus,
                returnedAt);
    }
}
