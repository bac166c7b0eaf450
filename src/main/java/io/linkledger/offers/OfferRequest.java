package io.linkledger.offers;

import java.time.Instant;
import java.util.List;

/**
 * Body of create (POST) and update (PATCH). On update, a field left out (null) keeps its
 * value; {@code payouts}, when given, replaces the offer's options, matched by name.
 */
public record OfferRequest(
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
        Integer attributionWindowDays,
        List<PayoutRequest> payouts) {

    public record PayoutRequest(String name, PayoutType type, String amount, String percent, Boolean isDefault) {
    }
}
