package io.linkledger.ledger;

import io.linkledger.shared.Money;

/**
 * A card processor behind the brand's linked card: link a saved payment method, charge it
 * off-session. Stripe is the one adapter today; another processor is another implementation.
 */
interface CardProcessor {

    String name();

    boolean configured();

    /** Makes the processor keep the payment method for off-session charges of this brand. */
    LinkedCard link(String brandName, String paymentMethodRef);

    /** Charges the card; the same idempotency key never charges twice. Throws {@link CardDeclined}. */
    String charge(PaymentMethod card, Money amount, String idempotencyKey, String description);

    void unlink(PaymentMethod card);

    record LinkedCard(String customerRef, String paymentMethodRef, String cardBrand, String last4, Integer expMonth,
            Integer expYear) {
    }

    /** The processor refused: a message the brand can act on, and the processor's code. */
    class CardDeclined extends RuntimeException {

        private final String code;

        CardDeclined(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
