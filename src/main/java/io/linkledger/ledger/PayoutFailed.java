package io.linkledger.ledger;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * Published inside the transaction that gave a payout's money back to the balance: the provider
 * confirmed it failed, or it came back (unclaimed, refunded, reversed). {@code reason} says which.
 */
public record PayoutFailed(UUID brandId, UUID memberId, UUID paymentId, Money amount, String reason, Instant at) {
}
