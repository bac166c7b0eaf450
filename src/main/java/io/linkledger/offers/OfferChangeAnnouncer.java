package io.linkledger.offers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.linkledger.shared.Invalidations;

/** Tells every node's caches of offers that one (or a brand's default quality limits) changed, once the change is committed. */
@Component
class OfferChangeAnnouncer {

    private final Invalidations invalidations;

    OfferChangeAnnouncer(Invalidations invalidations) {
        this.invalidations = invalidations;
    }

    @EventListener
    void on(OfferChanged changed) {
        invalidations.publish(OfferChanged.INVALIDATIONS, changed.offerId().toString());
    }

    @EventListener
    void on(QualityDefaultsChanged changed) {
        invalidations.publish(QualityDefaultsChanged.INVALIDATIONS, changed.brandId().toString());
    }
}
