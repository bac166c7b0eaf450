package io.linkledger.ledger;

import java.util.List;

/**
 * A payment as a whole, derived from its items: UNKNOWN while any item's fate is uncertain,
 * AWAITING_TRANSFER or PROCESSING while any is in flight, then COMPLETED (all paid),
 * FAILED (none paid) or PARTIALLY_FAILED. A completed payment can become PARTIALLY_FAILED or
 * FAILED when PayPal returns an item later.
 */
public enum PaymentStatus {
    AWAITING_TRANSFER, PROCESSING, UNKNOWN, COMPLETED, PARTIALLY_FAILED, FAILED;

    static PaymentStatus of(List<PaymentItemStatus> items) {
        if (items.contains(PaymentItemStatus.UNKNOWN)) {
            return UNKNOWN;
        }
        if (items.contains(PaymentItemStatus.PROCESSING)) {
            return PROCESSING;
        }
        if (items.contains(PaymentItemStatus.AWAITING_TRANSFER)) {
            return AWAITING_TRANSFER;
        }
        long paid = items.stream().filter(s -> s == PaymentItemStatus.PAID).count();
        return paid == items.size() ? COMPLETED : paid == 0 ? FAILED : PARTIALLY_FAILED;
    }

    boolean inFlight() {
        return this == AWAITING_TRANSFER || this == PROCESSING || this == UNKNOWN;
    }
}
