package io.linkledger.brands;

import java.util.Set;
import java.util.UUID;

/** A key just created: the only moment its plain text exists outside the caller's hands. */
public record NewApiKey(UUID id, UUID brandId, String name, Set<ApiScope> scopes, String plainText) {
}
