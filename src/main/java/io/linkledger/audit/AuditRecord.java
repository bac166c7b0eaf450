package io.linkledger.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded change: when, by whom and from where, what, and the changed fields before and after
 * as JSON objects (null when there is no side, e.g. before a creation).
 */
public record AuditRecord(long seq, UUID id, Instant at, Actor actor, String action, String entityType,
        String entityId, UUID offerId, UUID memberId, String before, String after) {
}
