package io.linkledger.ledger;

public enum PaymentItemStatus {
    PROCESSING, PAID, FAILED
}
