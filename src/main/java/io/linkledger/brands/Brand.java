package io.linkledger.brands;

import java.time.Instant;
import java.util.UUID;

public record Brand(UUID id, String name, Instant createdAt) {
}
