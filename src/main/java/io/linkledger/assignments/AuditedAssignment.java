package io.linkledger.assignments;

import java.util.UUID;

import io.linkledger.audit.AuditEntry;

/**
 * What the audit log keeps of an assignment: its link code, promo code, tier and override, never
 * the dashboard token (it opens the member's dashboard, so it is a credential).
 */
record AuditedAssignment(UUID projectId, String linkCode, String promoCode, UUID payoutId,
        CommissionOverride override) {

    static AuditedAssignment of(Assignment a) {
        return a == null ? null
                : new AuditedAssignment(a.projectId(), a.linkCode(), a.promoCode(), a.payoutId(), a.override());
    }

    /** An entry about the assignment {@code a}, with what it was and what it is. */
    static AuditEntry entry(String action, Assignment a, Assignment before, Assignment after) {
        return AuditEntry.of(a.brandId(), action, "assignment", a.id()).offer(a.offerId()).member(a.memberId())
                .change(of(before), of(after));
    }
}
