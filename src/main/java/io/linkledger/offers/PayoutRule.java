package io.linkledger.offers;

import java.math.BigDecimal;
import java.util.UUID;

import io.linkledger.shared.Money;

/** One payout option (tier) of an offer. {@code amount} and {@code percent} are null when unused. */
public record PayoutRule(UUID id, String name, PayoutType type, Money amount, BigDecimal percent, boolean isDefault) {
}
