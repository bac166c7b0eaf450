package io.linkledger.brands;

import java.util.UUID;

/** Who is calling: the brand workspace a request acts for, and the key or user acting. */
public record BrandPrincipal(UUID brandId, String actor) {
}
