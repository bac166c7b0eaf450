package io.linkledger.brands;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: never its secret, only the prefix that tells keys apart, and what it may do. */
public record ApiKey(UUID id, String name, String prefix, Set<ApiScope> scopes, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {
}
