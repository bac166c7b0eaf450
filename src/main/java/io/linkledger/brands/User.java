package io.linkledger.brands;

import java.time.Instant;
import java.util.UUID;

/** A brand console user, without the password hash. */
public record User(UUID id, UUID brandId, String email, Role role, Instant createdAt, Instant disabledAt) {
}
