package io.linkledger.ledger;

import java.util.List;
import java.util.UUID;

import io.linkledger.audit.AuditEntry;
import io.linkledger.shared.Money;

/** What the audit log keeps of a payment: how, how much, and to whom. */
record AuditedPayment(PayoutProvider provider, PaymentStatus status, Money total, Money fee, Money charged,
        String transferConfirmedBy, List<Item> items) {

    record Item(UUID memberId, Money amount, PaymentItemStatus status) {
    }

    static AuditEntry entry(String action, Payment before, Payment after) {
        return AuditEntry.of(after.brandId(), action, "payment", after.id()).change(of(before), of(after));
    }

    private static AuditedPayment of(Payment p) {
        return p == null ? null : new AuditedPayment(p.provider(), p.status(), p.total(), p.fee(), p.charged(),
                p.transferConfirmedBy(), p.items().stream().map(i -> new Item(i.memberId(), i.amount(), i.status()))
                        .toList());
    }
}
