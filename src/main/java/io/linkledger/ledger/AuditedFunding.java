package io.linkledger.ledger;

import io.linkledger.shared.Money;

/** What the audit log keeps of a manual funding: how much, and the brand's reference. */
record AuditedFunding(Money amount, String reference) {
}
