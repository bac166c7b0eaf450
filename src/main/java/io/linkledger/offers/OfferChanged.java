package io.linkledger.offers;

import java.util.UUID;

/** Published after an offer's settings changed, so caches of it can be dropped. */
public record OfferChanged(UUID brandId, UUID offerId) {
}
