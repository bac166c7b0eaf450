package io.linkledger.ledger;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * Published inside the transaction that recorded a completed payout to a member, after the
 * conversions it covers were marked paid.
 */
public record MemberPaid(UUID brandId, UUID memberId, UUID paymentId, Money amount, Instant at) {
}
