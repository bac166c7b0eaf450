package io.linkledger.conversions;

import java.util.Locale;
import java.util.UUID;

import io.linkledger.audit.AuditEntry;
import io.linkledger.shared.Money;

/** What the audit log keeps of a conversion's change: its status and money, and why. */
record AuditedConversion(ConversionStatus status, Money sale, Money commission, Money networkCommission,
        String reason, UUID paymentId) {

    static AuditedConversion of(Conversion c) {
        return new AuditedConversion(c.state().status(), c.amounts().sale(), c.amounts().commission(),
                c.amounts().networkCommission(), c.state().reason(), c.state().paymentId());
    }

    /** "conversion.approved", "conversion.released", ... from the history's action (APPROVED, RELEASED, ...). */
    static AuditEntry entry(String action, Conversion before, Conversion after) {
        return AuditEntry.of(after.brandId(), "conversion." + action.toLowerCase(Locale.ROOT), "conversion", after.id())
                .offer(after.credit().offerId()).member(after.credit().memberId())
                .change(of(before), of(after));
    }
}
