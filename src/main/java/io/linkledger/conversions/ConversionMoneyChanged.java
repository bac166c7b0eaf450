package io.linkledger.conversions;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * Published synchronously, inside the transaction that changed it, whenever a conversion is
 * created or its status or commission changes. The ledger books from these, so money and
 * conversions commit or roll back together. {@code fromStatus} and the "before" amounts are
 * null for a new conversion; {@code eventId} makes handling idempotent.
 */
public record ConversionMoneyChanged(
        UUID eventId,
        UUID brandId,
        UUID conversionId,
        UUID offerId,
        UUID memberId,
        ConversionStatus fromStatus,
        ConversionStatus toStatus,
        Money memberCommissionBefore,
        Money memberCommissionAfter,
        Money networkCommissionBefore,
        Money networkCommissionAfter,
        Instant at) {
}
