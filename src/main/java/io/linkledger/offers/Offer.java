package io.linkledger.offers;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public record Offer(
        UUID id,
        UUID brandId,
        String name,
        String description,
        OfferType type,
        ConversionType conversionType,
        Currency currency,
        TrackingProtocol trackingProtocol,
        String destinationUrl,
        String fallbackUrl,
        List<String> deepLinkHosts,
        Instant startsAt,
        Instant endsAt,
        OfferStatus status,
        int attributionWindowDays,
        List<PayoutRule> payouts,
        Instant createdAt,
        Instant updatedAt) {

    public PayoutRule defaultPayout() {
        return payouts.stream().filter(PayoutRule::isDefault).findFirst().orElse(payouts.getFirst());
    }

    public Optional<PayoutRule> payout(UUID payoutId) {
        return payouts.stream().filter(p -> p.id().equals(payoutId)).findFirst();
    }

    /** Whether the offer takes traffic at {@code now}: active and inside its dates. */
    public boolean isLive(Instant now) {
        return status == OfferStatus.ACTIVE
                && (startsAt == null || !now.isBefore(startsAt))
                && (endsAt == null || now.isBefore(endsAt));
    }
}
