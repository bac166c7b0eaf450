package io.linkledger.ledger;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * Published inside the transaction that recorded a completed payment to a member, so the
 * member's approved conversions can be marked paid, oldest first, up to {@code amount}.
 */
public record MemberPaid(UUID brandId, UUID memberId, UUID paymentId, Money amount, Instant at) {
}
