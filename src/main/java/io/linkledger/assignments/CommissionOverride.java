package io.linkledger.assignments;

import java.math.BigDecimal;

import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

/** A per-member payout that replaces the offer's tiers for that member. */
public record CommissionOverride(PayoutType type, Money amount, BigDecimal percent) {
}
