package io.linkledger.conversions;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;

/**
 * Holds a conversion on an offer that is paused or archived, or dated at or after the offer's
 * end: a network may still report a sale the brand no longer pays for, or one made up.
 */
@Component
class InactiveOfferRule implements QualityRule {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Offer offer = candidate.attributed().offer();
        if (offer.status() != OfferStatus.ACTIVE) {
            return Optional.of(new Hold("OFFER_NOT_ACTIVE", "The offer is "
                    + (offer.status() == OfferStatus.PAUSED ? "paused" : "archived") + "."));
        }
        if (offer.endsAt() != null && !candidate.draft().source().convertedAt().isBefore(offer.endsAt())) {
            return Optional.of(new Hold("OFFER_NOT_ACTIVE", "The conversion is dated after the offer ended ("
                    + DAY.format(offer.endsAt()) + ", UTC)."));
        }
        return Optional.empty();
    }
}
