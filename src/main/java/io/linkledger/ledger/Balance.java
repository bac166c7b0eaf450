package io.linkledger.ledger;

import java.util.Currency;

import io.swagger.v3.oas.annotations.media.Schema;

import io.linkledger.shared.Money;

/**
 * A brand's money in one currency: what can pay members now, what a network remitted and is
 * still settling, and card top-ups whose payment is still processing (not in the books yet).
 */
public record Balance(Money available, Money pending, Money pendingTopUps) {

    public Currency currency() {
        return available.currency();
    }

    /** The published OpenAPI schema is named for what it shows. */
    @Schema(name = "Balance")
    record View(String available, String pending, String pendingTopUps, String currency) {
    }

    View view() {
        return new View(available.toDecimalString(), pending.toDecimalString(), pendingTopUps.toDecimalString(),
                currency().getCurrencyCode());
    }
}
