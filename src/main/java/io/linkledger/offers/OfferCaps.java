package io.linkledger.offers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.linkledger.shared.Money;

/**
 * The quality limits on conversions and clicks, at one level: an offer's own, a brand's defaults
 * or the server's. Beyond a limit a conversion is held for a person to review, never dropped; a
 * click beyond {@code maxClicksPerVisitor} is flagged as spam. A null limit is not set at that
 * level: the next level's applies ({@link QualityLayers}). Amounts are in the offer's currency.
 *
 * @param maxSale the largest sale amount taken without review
 * @param maxCommission the largest member commission taken without review
 * @param maxConversionsPerClick how many conversions one click (transaction id) may bring
 * @param maxConversionsPerVisitor how many conversions one visitor may bring within {@code visitorWindowMinutes}
 * @param visitorWindowMinutes the window of {@code maxConversionsPerVisitor}, in minutes
 * @param pixelReviewAbove pixel conversions with a larger sale are held: anyone can call the pixel
 * @param minSecondsToConvert the least seconds from click to conversion a person takes; 0 is no minimum
 * @param maxClicksPerVisitor how many clicks one visitor may make on one member's link in a day
 */
public record OfferCaps(Money maxSale, Money maxCommission, Integer maxConversionsPerClick,
        Integer maxConversionsPerVisitor, Integer visitorWindowMinutes, Money pixelReviewAbove,
        Integer minSecondsToConvert, Integer maxClicksPerVisitor) {

    public static final OfferCaps NONE = new OfferCaps(null, null, null, null, null, null, null, null);

    /** Each limit set here, else the one of {@code fallback}. */
    public OfferCaps orElse(OfferCaps fallback) {
        return new OfferCaps(first(maxSale, fallback.maxSale), first(maxCommission, fallback.maxCommission),
                first(maxConversionsPerClick, fallback.maxConversionsPerClick),
                first(maxConversionsPerVisitor, fallback.maxConversionsPerVisitor),
                first(visitorWindowMinutes, fallback.visitorWindowMinutes),
                first(pixelReviewAbove, fallback.pixelReviewAbove),
                first(minSecondsToConvert, fallback.minSecondsToConvert),
                first(maxClicksPerVisitor, fallback.maxClicksPerVisitor));
    }

    /** The same limits without the amounts: a brand's amounts do not apply to an offer in another currency. */
    public OfferCaps withoutAmounts() {
        return new OfferCaps(null, null, maxConversionsPerClick, maxConversionsPerVisitor, visitorWindowMinutes, null,
                minSecondsToConvert, maxClicksPerVisitor);
    }

    /** The window of {@link #maxConversionsPerVisitor}; null when not set. */
    public Duration visitorWindow() {
        return visitorWindowMinutes == null ? null : Duration.ofMinutes(visitorWindowMinutes);
    }

    /**
     * The limits by their API names, in API form (amounts as decimal strings, counts as numbers),
     * null where not set; in the order the API and the console list them.
     */
    public Map<String, Object> byName() {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("maxSaleAmount", decimal(maxSale));
        named.put("maxCommission", decimal(maxCommission));
        named.put("pixelReviewAbove", decimal(pixelReviewAbove));
        named.put("maxConversionsPerClick", maxConversionsPerClick);
        named.put("maxConversionsPerVisitor", maxConversionsPerVisitor);
        named.put("visitorWindowMinutes", visitorWindowMinutes);
        named.put("minSecondsToConvert", minSecondsToConvert);
        named.put("maxClicksPerVisitor", maxClicksPerVisitor);
        return named;
    }

    private static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
