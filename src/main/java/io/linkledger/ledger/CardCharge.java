package io.linkledger.ledger;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import io.linkledger.shared.Money;

/**
 * One request to charge the brand's card (a top-up, or a payment's shortfall), and its latest
 * attempt at the processor. Only SUCCEEDED money is in the balance; PROCESSING shows as pending.
 */
public record CardCharge(UUID id, UUID brandId, Purpose purpose, String requestKey, Money amount,
        UUID paymentMethodId, int attempt, String intentRef, Status status, String failureReason,
        Instant attemptedAt, Instant updatedAt) {

    public enum Purpose {
        TOP_UP, SHORTFALL
    }

    /**
     * UNKNOWN: sent, outcome not known yet (no answer, a server error). PROCESSING: accepted,
     * not settled (may still fail). SUCCEEDED: collected and booked. DECLINED: the card or its
     * bank said no. REFUSED: the processor refused the request itself (nothing was created).
     */
    public enum Status {
        UNKNOWN, PROCESSING, SUCCEEDED, DECLINED, REFUSED;

        /** This attempt is over without money: the next request for the same key is a new attempt. */
        boolean attemptOver() {
            return this == DECLINED || this == REFUSED;
        }
    }

    @Schema(name = "CardCharge")
    record View(UUID id, String purpose, String status, String amount, String currency, String failureReason,
            Instant attemptedAt, Instant updatedAt) {
    }

    View view() {
        return new View(id, purpose.name(), status.name(), amount.toDecimalString(),
                amount.currency().getCurrencyCode(), failureReason, attemptedAt, updatedAt);
    }
}
