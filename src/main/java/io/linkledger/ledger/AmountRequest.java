package io.linkledger.ledger;

/** {@code {amount, currency, reference?}}: a funding or a card top-up. */
public record AmountRequest(String amount, String currency, String reference) {
}
