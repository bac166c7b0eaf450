package io.linkledger.offers;

import io.linkledger.shared.Money;

/**
 * Limits on one offer's conversions, in the offer's currency. A conversion beyond any of them is
 * held for a person to review, never dropped. A null limit is no limit.
 *
 * @param maxSale the largest sale amount taken without review
 * @param maxCommission the largest member commission taken without review
 * @param maxConversionsPerClick how many conversions one click (transaction id) may bring
 * @param maxConversionsPerVisitorPerDay how many conversions one visitor may bring in a UTC day
 * @param pixelReviewAbove pixel conversions with a larger sale are held: anyone can call the pixel
 */
public record OfferCaps(Money maxSale, Money maxCommission, Integer maxConversionsPerClick,
        Integer maxConversionsPerVisitorPerDay, Money pixelReviewAbove) {

    public static final OfferCaps NONE = new OfferCaps(null, null, null, null, null);
}
