package io.linkledger.projects;

import java.time.Instant;
import java.util.UUID;

public record Project(UUID id, UUID brandId, String name, long memberCount, Instant createdAt) {
}
