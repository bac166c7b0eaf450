package io.linkledger.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * What became of one member's payout. In flight, the money is held (off the balance and off
 * the member's owed amount): AWAITING_TRANSFER (manual, until the brand confirms it sent the
 * money), PROCESSING (the provider has it) and UNKNOWN (the provider may have it: an answer was
 * lost). PAID can still turn RETURNED (PayPal REFUNDED, REVERSED or RETURNED after payment).
 * FAILED and RETURNED are final and gave the money back.
 */
public enum PaymentItemStatus {
    AWAITING_TRANSFER, PROCESSING, UNKNOWN, PAID, FAILED, RETURNED;

    static final Set<PaymentItemStatus> IN_FLIGHT = EnumSet.of(AWAITING_TRANSFER, PROCESSING, UNKNOWN);

    boolean inFlight() {
        return IN_FLIGHT.contains(this);
    }
}
