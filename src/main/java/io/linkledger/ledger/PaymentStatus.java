package io.linkledger.ledger;

/** A payment as a whole: PROCESSING until every item is PAID or FAILED. */
public enum PaymentStatus {
    PROCESSING, COMPLETED, PARTIALLY_FAILED, FAILED
}
