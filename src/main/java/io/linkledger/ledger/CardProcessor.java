package io.linkledger.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * The card processor behind the brand's linked card: a customer per brand, cards saved for
 * off-session use with a SetupIntent (authenticated by the cardholder when the bank asks),
 * off-session charges, and its signed webhooks. Stripe is the one adapter; another processor
 * is another implementation. Every create call carries an idempotency key.
 *
 * <p>A call either answers, or throws {@link Unavailable} (the outcome is not known: retry the
 * same key, reconcile) or {@link Refused} (the processor refused the request itself, e.g. this
 * server's credentials; nothing was created). A card decline is an answer, not an exception.
 */
interface CardProcessor {

    String name();

    boolean configured();

    /** For the browser's card form (Stripe.js); null when not set. */
    String publishableKey();

    /** Creates the brand's customer; the same key creates it once. */
    String createCustomer(UUID brandId, String brandName, String idempotencyKey);

    /**
     * Starts saving a card for off-session charges. With {@code paymentMethodRef} (a card the
     * caller collected), it is confirmed at once; without it, the browser collects and confirms it.
     */
    Setup setUp(String customerRef, UUID brandId, String paymentMethodRef, String idempotencyKey);

    Setup setup(String setupRef);

    SavedCard card(String paymentMethodRef);

    /** Charges the saved card off-session; a decline is answered as {@link ChargeStatus#DECLINED}. */
    Charge charge(ChargeRequest request);

    Charge charge(String intentRef);

    /** The charge made for this request and attempt, if the processor has one (found by its metadata). */
    Optional<Charge> find(String customerRef, UUID chargeId, int attempt, Instant since);

    void detach(String paymentMethodRef);

    /**
     * The webhook event, if its signature verifies ({@link BadSignature} otherwise), with the
     * charge or set-up it reports (null for any other object).
     */
    Event verify(String payload, String signatureHeader);

    /** An event kept after its signature verified, read again. */
    Event parse(String payload);

    /** A SetupIntent: {@code status} as the processor says it ({@code succeeded}, {@code requires_action}, ...). */
    record Setup(String id, String status, String clientSecret, String customerRef, String paymentMethodRef,
            String brandId, String error) {

        boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    record SavedCard(String paymentMethodRef, String brand, String last4, Integer expMonth, Integer expYear) {
    }

    record ChargeRequest(String customerRef, String paymentMethodRef, Money amount, UUID brandId, UUID chargeId,
            int attempt, String description, String idempotencyKey) {
    }

    enum ChargeStatus {
        SUCCEEDED, PROCESSING, DECLINED
    }

    /** A charge's state; {@code received} is what was collected (only when it succeeded). */
    record Charge(String intentRef, ChargeStatus status, String reason, Money received, UUID chargeId,
            Integer attempt) {
    }

    record Event(String id, String type, Charge charge, Setup setup) {
    }

    /** The outcome is not known (no answer, a server error, rate limited): retry with the same key. */
    class Unavailable extends RuntimeException {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The processor refused the request itself; nothing was created. */
    class Refused extends RuntimeException {

        private final boolean configuration;

        Refused(String message, boolean configuration, Throwable cause) {
            super(message, cause);
            this.configuration = configuration;
        }

        /** True when this server's set-up is at fault (keys, permissions), not the brand's card. */
        boolean configuration() {
            return configuration;
        }
    }

    class BadSignature extends RuntimeException {

        BadSignature(String message) {
            super(message);
        }
    }
}
