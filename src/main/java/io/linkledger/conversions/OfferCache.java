package io.linkledger.conversions;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
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

/**
 * Offers with their terms and the quality limits that apply (their own, else the brand's
 * defaults) as conversions need them, cached: every postback needs them and they rarely change. Dropped on {@link OfferChanged} here; other nodes see a change within
 * the expiry.
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

    OfferCache(Offers offers, OfferTermsService terms, OfferCapsService caps) {
        this.offers = offers;
        this.terms = terms;
        this.caps = caps;
    }

    Optional<Snapshot> find(UUID offerId) {
        Snapshot cached = cache.getIfPresent(offerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Snapshot> loaded = offers.find(offerId).map(offer -> new Snapshot(offer, terms.terms(offer),
                caps.layers(offer).effective()));
        loaded.ifPresent(snapshot -> cache.put(offerId, snapshot));
        return loaded;
    }

    @EventListener
    void on(OfferChanged changed) {
        cache.invalidate(changed.offerId());
    }

    /** A brand's defaults are in the limits of each of its offers; such changes are rare. */
    @EventListener
    void on(QualityDefaultsChanged changed) {
        cache.invalidateAll();
    }
}
