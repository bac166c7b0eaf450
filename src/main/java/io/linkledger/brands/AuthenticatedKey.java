package io.linkledger.brands;

import java.util.Set;
import java.util.UUID;

/** The caller a presented API key stands for, the key (id and name, for the audit log) and its scopes. */
public record AuthenticatedKey(UUID keyId, String keyName, BrandPrincipal principal, Set<ApiScope> scopes) {

    public AuthenticatedKey {
        scopes = Set.copyOf(scopes);
    }
}
