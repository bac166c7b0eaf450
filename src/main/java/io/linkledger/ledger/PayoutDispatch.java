package io.linkledger.ledger;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Validation;

/**
 * What each payout provider does with a booked payment: a manual payout is paid the moment it
 * is booked; a PayPal payout is handed to PayPal once the booking committed and followed until
 * its items end. Another provider is another branch here, nowhere else.
 */
@Component
class PayoutDispatch {

    private static final Logger log = LoggerFactory.getLogger(PayoutDispatch.class);

    private final PayPalPayouts payPal;
    private final PayoutOutcomes outcomes;
    private final PaymentRepository repository;
    private final LedgerSettings settings;

    PayoutDispatch(PayPalPayouts payPal, PayoutOutcomes outcomes, PaymentRepository repository,
            LedgerSettings settings) {
        this.payPal = payPal;
        this.outcomes = outcomes;
        this.repository = repository;
        this.settings = settings;
    }

    /** The provider a request names, or the configured one; "auto" is PayPal when it is configured. */
    PayoutProvider provider(String requested, Validation v) {
        String name = Validation.isBlank(requested) ? settings.payoutProvider() : requested.trim();
        if (name.equalsIgnoreCase("auto")) {
            return payPal.configured() ? PayoutProvider.PAYPAL : PayoutProvider.MANUAL;
        }
        try {
            PayoutProvider provider = PayoutProvider.valueOf(name.toUpperCase(Locale.ROOT));
            if (provider == PayoutProvider.PAYPAL && !payPal.configured()) {
                v.add("provider", "PayPal Payouts is not configured on this server");
            }
            return provider;
        } catch (IllegalArgumentException e) {
            v.add("provider", "must be MANUAL or PAYPAL");
            return PayoutProvider.MANUAL;
        }
    }

    /** Inside the booking's transaction: a manual payout is complete as soon as it is booked. */
    @Transactional(propagation = Propagation.MANDATORY)
    void booked(Payment payment) {
        if (payment.provider() != PayoutProvider.MANUAL) {
            return;
        }
        for (PaymentItem item : payment.items()) {
            outcomes.markPaid(item, null, payment.createdAt());
        }
        repository.finishPayment(payment.id(), PaymentStatus.COMPLETED, payment.createdAt());
    }

    /** After the booking committed: PayPal gets the payment. */
    void submit(Payment payment) {
        if (payment.provider() != PayoutProvider.PAYPAL) {
            return;
        }
        try {
            payPal.submit(payment);
        } catch (RuntimeException e) {
            // The payment stays PROCESSING; polling resubmits with the same sender_batch_id.
            log.warn("PayPal payout {} not submitted yet: {}", payment.id(), e.getMessage());
        }
    }

    /** Asks the payment's provider for news now instead of waiting for the poller. */
    void refresh(Payment payment) {
        if (payment.provider() == PayoutProvider.PAYPAL && payment.status() == PaymentStatus.PROCESSING) {
            payPal.refresh(payment);
        }
    }
}
