package io.linkledger.conversions;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferCaps;
import io.linkledger.offers.OfferCapsService;
import io.linkledger.offers.OfferChanged;
import io.linkledger.offers.OfferTerms;
import io.linkledger.offers.OfferTermsService;
import io.linkledger.offers.Offers;
import io.linkledger.offers.QualityDefaultsChanged;
import io.linkledger.shared.Invalidations;

/**
 * Offers with their terms and the quality limits that apply (their own, else the brand's defaults)
 * as conversions need them, cached: every postback needs them and they rarely change. An offer is
 * dropped when any node announces it changed, everything when a brand's defaults changed (such
 * changes are rare; see {@link Invalidations}); the expiry bounds the age of an entry whose
 * announcement was lost.
 */
@Component
class OfferCache {

    record Snapshot(Offer offer, OfferTerms terms, OfferCaps caps) {
    }

    private final Offers offers;
    private final OfferTermsService terms;
    private final OfferCapsService caps;
    private final Cache<UUID, Snapshot> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    OfferCache(Offers offers, OfferTermsService terms, OfferCapsService caps, Invalidations invalidations) {
        this.offers = offers;
        this.terms = terms;
        this.caps = caps;
        invalidations.subscribe(OfferChanged.INVALIDATIONS, id -> cache.invalidate(UUID.fromString(id)),
                cache::invalidateAll);
        invalidations.subscribe(QualityDefaultsChanged.INVALIDATIONS, brandId -> cache.invalidateAll(),
                cache::invalidateAll);
    }

    Optional<Snapshot> find(UUID offerId) {
        Snapshot cached = cache.getIfPresent(offerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Snapshot> loaded = offers.find(offerId).map(offer -> new Snapshot(offer, terms.terms(offer), caps.caps(offer)));
        loaded.ifPresent(snapshot -> cache.put(offerId, snapshot));
        return loaded;
    }
}
