package io.linkledger.brands;

/**
 * How a brand pays its members unless a payment says otherwise: marked paid after the brand's own
 * transfer (manual, with a payout file) or sent by PayPal Payouts.
 */
public enum PayoutMethod {
    MANUAL("Manual transfer"), PAYPAL("PayPal Payouts");

    private final String label;

    PayoutMethod(String label) {
        this.label = label;
    }

    /** The name people read. */
    public String label() {
        return label;
    }
}
