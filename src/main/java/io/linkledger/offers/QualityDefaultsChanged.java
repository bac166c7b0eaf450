package io.linkledger.offers;

import java.util.UUID;

/** A brand changed its default quality limits: every offer of the brand may have other limits now. */
public record QualityDefaultsChanged(UUID brandId) {

    /** The cache name under which nodes announce such a change (see {@code shared.Invalidations}). */
    public static final String INVALIDATIONS = "quality-defaults";
}
