package io.linkledger.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import io.linkledger.shared.Money;

/** What a network paid for a period's locked conversions, and when it becomes available. */
public record Remittance(UUID id, UUID brandId, String network, YearMonth period, Money expected, Money received,
        LocalDate receivedOn, LocalDate availableOn, String status, Instant createdAt, Instant settledAt,
        Instant voidedAt, String voidReason) {

    /** PENDING until its settlement day, then AVAILABLE; VOIDED once an admin voided it. */
    public boolean voided() {
        return VOIDED.equals(status);
    }

    static final String VOIDED = "VOIDED";

    public Currency currency() {
        return received.currency();
    }

    /** Received minus expected: positive when the network paid more than the books expected. */
    public Money difference() {
        return received.minus(expected);
    }

    /** The published OpenAPI schema is named for what it shows. */
    @Schema(name = "Remittance")
    record View(UUID id, String network, String period, String expected, String received, String difference,
            String currency, LocalDate receivedOn, LocalDate availableOn, String status, Instant settledAt,
            Instant voidedAt, String voidReason) {
    }

    View view() {
        return new View(id, network, period.toString(), expected.toDecimalString(), received.toDecimalString(),
                difference().toDecimalString(), currency().getCurrencyCode(), receivedOn, availableOn, status,
                settledAt, voidedAt, voidReason);
    }
}
