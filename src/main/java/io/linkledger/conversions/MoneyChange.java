package io.linkledger.conversions;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * One conversion's money moving: created, or its status or commission changed. {@code fromStatus}
 * and the "before" amounts are null for a new conversion; {@code eventId} makes booking it
 * idempotent. Published in a {@link ConversionMoneyChanged}.
 */
public record MoneyChange(
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
