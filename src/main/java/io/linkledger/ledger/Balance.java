package io.linkledger.ledger;

import java.util.Currency;

import io.linkledger.shared.Money;

/** A brand's money in one currency: what can pay members now, and what is still settling. */
public record Balance(Money available, Money pending) {

    public Currency currency() {
        return available.currency();
    }

    record View(String available, String pending, String currency) {
    }

    View view() {
        return new View(available.toDecimalString(), pending.toDecimalString(), currency().getCurrencyCode());
    }
}
