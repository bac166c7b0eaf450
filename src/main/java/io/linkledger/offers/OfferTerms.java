package io.linkledger.offers;

import java.math.BigDecimal;
import java.util.List;

import io.linkledger.shared.Money;

/**
 * How an offer's conversions are approved and paid beyond its payout options.
 * {@code lockPeriodDays} null: conversions are approved by hand only. {@code volumeTiers}
 * empty: percent payouts use the payout option's own percent.
 */
public record OfferTerms(Integer lockPeriodDays, List<VolumeTier> volumeTiers) {

    public static final OfferTerms NONE = new OfferTerms(null, List.of());

    /** From {@code from} of a member's monthly sales upwards, sales earn {@code percent}. */
    public record VolumeTier(Money from, BigDecimal percent) {
    }
}
