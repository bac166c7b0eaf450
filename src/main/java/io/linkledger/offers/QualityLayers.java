package io.linkledger.offers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quality limits that apply to an offer and where each comes from: the offer's own, else the
 * brand's default (its amounts only for offers in the currency they were set in), else the
 * server's. For the brand's own settings, {@code own} is {@link OfferCaps#NONE}.
 */
public record QualityLayers(OfferCaps own, OfferCaps brand, OfferCaps server) {

    /** Where a limit comes from. */
    public enum Source {
        OFFER, BRAND, SERVER
    }

    /** A limit that applies, in API form, and where it comes from; both null when none applies. */
    public record Applied(Object value, Source from) {
    }

    /** The limits that apply. */
    public OfferCaps effective() {
        return own.orElse(brand).orElse(server);
    }

    /** Each limit by its API name ({@link OfferCaps#byName()}), with where it comes from. */
    public Map<String, Applied> applied() {
        Map<String, Object> offer = own.byName();
        Map<String, Object> byBrand = brand.byName();
        Map<String, Object> byServer = server.byName();
        Map<String, Applied> applied = new LinkedHashMap<>();
        offer.forEach((name, value) -> applied.put(name, value != null ? new Applied(value, Source.OFFER)
                : byBrand.get(name) != null ? new Applied(byBrand.get(name), Source.BRAND)
                : byServer.get(name) != null ? new Applied(byServer.get(name), Source.SERVER)
                : new Applied(null, null)));
        return applied;
    }
}
