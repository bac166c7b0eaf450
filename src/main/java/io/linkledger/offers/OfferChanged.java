package io.linkledger.offers;

import java.util.UUID;

/** Published after an offer's settings changed, so caches of it can be dropped. */
public record OfferChanged(UUID brandId, UUID offerId) {

    /** The {@code Invalidations} cache name under which every node hears of it, keyed by offer id. */
    public static final String INVALIDATIONS = "offer";
}
