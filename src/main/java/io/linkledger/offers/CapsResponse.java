package io.linkledger.offers;

import java.util.Currency;
import java.util.Map;

import io.linkledger.offers.QualityLayers.Applied;
import io.linkledger.shared.Money;

/**
 * Quality limits as the API answers them: the ones set at this level (null: not set, inherited),
 * the currency of the amounts, and in {@code effective} every limit that applies with where it
 * comes from ({@code OFFER}, {@code BRAND} or {@code SERVER}).
 */
record CapsResponse(String maxSaleAmount, String maxCommission, String pixelReviewAbove, Integer maxConversionsPerClick,
        Integer maxConversionsPerVisitor, Integer visitorWindowMinutes, Integer minSecondsToConvert,
        Integer maxClicksPerVisitor, String currency, Map<String, Applied> effective) {

    static CapsResponse of(OfferCaps set, Currency currency, QualityLayers layers) {
        return new CapsResponse(decimal(set.maxSale()), decimal(set.maxCommission()), decimal(set.pixelReviewAbove()),
                set.maxConversionsPerClick(), set.maxConversionsPerVisitor(), set.visitorWindowMinutes(),
                set.minSecondsToConvert(), set.maxClicksPerVisitor(), currency.getCurrencyCode(), layers.applied());
    }

    private static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }
}
