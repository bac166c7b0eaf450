package io.linkledger.brands;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret, only the prefix that tells keys apart. */
public record ApiKey(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
