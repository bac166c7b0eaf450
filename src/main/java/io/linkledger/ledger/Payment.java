package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import io.linkledger.shared.Money;

/**
 * A payment to one or more members from the brand's balance: the total the members get, the
 * fees the brand pays on top, and what of it was charged to the brand's card. {@code lastError}
 * is the provider's last word when it was not an answer (why the payment is UNKNOWN).
 */
public record Payment(UUID id, UUID brandId, String idempotencyKey, String requestHash, PayoutProvider provider,
        PaymentStatus status, Money total, Money fee, Money charged, String providerBatchId, Instant createdAt,
        Instant completedAt, List<PaymentItem> items, Submission submission, Instant firstSubmittedAt,
        Instant nextCheckAt, String lastError, String transferConfirmedBy) {

    public Currency currency() {
        return total.currency();
    }

    Payment withItems(List<PaymentItem> newItems) {
        return new Payment(id, brandId, idempotencyKey, requestHash, provider, status, total, fee, charged,
                providerBatchId, createdAt, completedAt, newItems, submission, firstSubmittedAt, nextCheckAt,
                lastError, transferConfirmedBy);
    }

    /** The published OpenAPI schema is named for what it shows. */
    @Schema(name = "Payment")
    record View(UUID id, String status, String provider, String total, String fee, String charged, String currency,
            String providerBatchId, Instant createdAt, Instant completedAt, List<PaymentItem.View> items,
            String statusDetail, String transferConfirmedBy) {
    }

    View view() {
        return new View(id, status.name(), provider.name(), total.toDecimalString(), fee.toDecimalString(),
                charged.toDecimalString(), currency().getCurrencyCode(), providerBatchId, createdAt, completedAt,
                items.stream().map(PaymentItem::view).toList(), status == PaymentStatus.UNKNOWN ? lastError : null,
                transferConfirmedBy);
    }
}
