package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import io.linkledger.shared.Money;

/** What one member is paid in a payment. The fee is the brand's cost on top of the amount. */
public record PaymentItem(UUID id, UUID paymentId, UUID brandId, UUID memberId, Currency currency, long amountMinor,
        long feeMinor, PaymentItemStatus status, String receiver, String providerItemId, String failureReason,
        Instant paidAt) {

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public record View(UUID id, UUID paymentId, UUID memberId, String amount, String fee, String currency,
            String status, String receiver, String failureReason, Instant paidAt) {
    }

    View view() {
        return new View(id, paymentId, memberId, amount().toDecimalString(),
                new Money(feeMinor, currency).toDecimalString(), currency.getCurrencyCode(), status.name(), receiver,
                failureReason, paidAt);
    }
}
