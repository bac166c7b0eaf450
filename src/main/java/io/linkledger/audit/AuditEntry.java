package io.linkledger.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * A change to record: what was done ({@code action}, e.g. "offer.updated") to which entity, in
 * which offer and for which member where that applies, and the entity before and after (any
 * value Jackson writes as a JSON object: a record, a map). The trail keeps only the fields that
 * differ; a creation has no before, a removal no after. Never pass secrets in before or after.
 */
public record AuditEntry(UUID brandId, String action, String entityType, String entityId, UUID offerId,
        UUID memberId, Object before, Object after) {

    public AuditEntry {
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
    }

    /** {@code action} done to the entity {@code entityType} {@code entityId} of the brand. */
    public static AuditEntry of(UUID brandId, String action, String entityType, Object entityId) {
        return new AuditEntry(brandId, action, entityType, String.valueOf(entityId), null, null, null, null);
    }

    public AuditEntry offer(UUID offer) {
        return new AuditEntry(brandId, action, entityType, entityId, offer, memberId, before, after);
    }

    public AuditEntry member(UUID member) {
        return new AuditEntry(brandId, action, entityType, entityId, offerId, member, before, after);
    }

    /** The entity as it was and as it is now; either may be null. */
    public AuditEntry change(Object was, Object is) {
        return new AuditEntry(brandId, action, entityType, entityId, offerId, memberId, was, is);
    }
}
