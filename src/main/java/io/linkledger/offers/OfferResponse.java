package io.linkledger.offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON form of an offer: amounts as decimal strings in the offer's currency. */
record OfferResponse(
        UUID id,
        String name,
        String description,
        OfferType type,
        ConversionType conversionType,
        String currency,
        TrackingProtocol trackingProtocol,
        String destinationUrl,
        String fallbackUrl,
        List<String> allowedDeepLinkHosts,
        Instant startsAt,
        Instant endsAt,
        OfferStatus status,
        int attributionWindowDays,
        List<Payout> payouts,
        Instant createdAt,
        Instant updatedAt) {

    public record Payout(UUID id, String name, PayoutType type, String amount, String percent, boolean isDefault) {

        static Payout of(PayoutRule rule) {
            return new Payout(rule.id(), rule.name(), rule.type(),
                    rule.amount() == null ? null : rule.amount().toDecimalString(),
                    rule.percent() == null ? null : rule.percent().stripTrailingZeros().toPlainString(),
                    rule.isDefault());
        }
    }

    static OfferResponse of(Offer offer) {
        return new OfferResponse(offer.id(), offer.name(), offer.description(), offer.type(), offer.conversionType(),
                offer.currency().getCurrencyCode(), offer.trackingProtocol(), offer.destinationUrl(),
                offer.fallbackUrl(), offer.deepLinkHosts(), offer.startsAt(), offer.endsAt(), offer.status(),
                offer.attributionWindowDays(), offer.payouts().stream().map(Payout::of).toList(),
                offer.createdAt(), offer.updatedAt());
    }
}
