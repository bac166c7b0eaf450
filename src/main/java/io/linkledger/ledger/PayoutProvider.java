package io.linkledger.ledger;

/** How members receive the money: marked paid by the brand (manual) or sent by PayPal Payouts. */
public enum PayoutProvider {
    MANUAL, PAYPAL
}
