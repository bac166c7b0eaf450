package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.linkledger.shared.Money;

/** A payment to one or more members from the brand's balance. */
public record Payment(UUID id, UUID brandId, String idempotencyKey, String requestHash, PayoutProvider provider,
        PaymentStatus status, Currency currency, long totalMinor, long feeMinor, long chargedMinor,
        String providerBatchId, Instant createdAt, Instant completedAt, List<PaymentItem> items) {

    public Money total() {
        return new Money(totalMinor, currency);
    }

    Payment withItems(List<PaymentItem> newItems) {
        return new Payment(id, brandId, idempotencyKey, requestHash, provider, status, currency, totalMinor, feeMinor,
                chargedMinor, providerBatchId, createdAt, completedAt, newItems);
    }

    record View(UUID id, String status, String provider, String total, String fee, String charged, String currency,
            String providerBatchId, Instant createdAt, Instant completedAt, List<PaymentItem.View> items) {
    }

    View view() {
        return new View(id, status.name(), provider.name(), new Money(totalMinor, currency).toDecimalString(),
                new Money(feeMinor, currency).toDecimalString(), new Money(chargedMinor, currency).toDecimalString(),
                currency.getCurrencyCode(), providerBatchId, createdAt, completedAt,
                items.stream().map(PaymentItem::view).toList());
    }
}
