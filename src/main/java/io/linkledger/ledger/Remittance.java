package io.linkledger.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;

import io.linkledger.shared.Money;

/** What a network paid for a period's locked conversions, and when it becomes available. */
public record Remittance(UUID id, UUID brandId, String network, YearMonth period, Currency currency,
        long expectedMinor, long receivedMinor, LocalDate receivedOn, LocalDate availableOn, String status,
        Instant createdAt, Instant settledAt) {

    record View(UUID id, String network, String period, String expected, String received, String difference,
            String currency, LocalDate receivedOn, LocalDate availableOn, String status, Instant settledAt) {
    }

    View view() {
        return new View(id, network, period.toString(), new Money(expectedMinor, currency).toDecimalString(),
                new Money(receivedMinor, currency).toDecimalString(),
                new Money(receivedMinor - expectedMinor, currency).toDecimalString(), currency.getCurrencyCode(),
                receivedOn, availableOn, status, settledAt);
    }
}
