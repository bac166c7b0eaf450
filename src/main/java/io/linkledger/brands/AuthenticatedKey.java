package io.linkledger.brands;

import java.util.Set;

/** The caller a presented API key stands for, and the scopes the key holds. */
public record AuthenticatedKey(BrandPrincipal principal, Set<ApiScope> scopes) {

    public AuthenticatedKey {
        scopes = Set.copyOf(scopes);
    }
}
