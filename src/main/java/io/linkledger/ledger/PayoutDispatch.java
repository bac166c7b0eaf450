package io.linkledger.ledger;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.linkledger.brands.BrandSettingsService;
import io.linkledger.brands.PayoutMethod;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * What each payout provider does with a booked payment: a manual payout waits for the brand to
 * confirm it sent the money (its payout file helps); a PayPal payout is handed to PayPal once
 * the booking committed and followed until its items are final. Another provider is another
 * branch here, nowhere else.
 */
@Component
class PayoutDispatch {

    private static final Logger log = LoggerFactory.getLogger(PayoutDispatch.class);

    private final PayPalPayouts payPal;
    private final LedgerSettings settings;
    private final BrandSettingsService brands;

    PayoutDispatch(PayPalPayouts payPal, LedgerSettings settings, BrandSettingsService brands) {
        this.payPal = payPal;
        this.settings = settings;
        this.brands = brands;
    }

    /**
     * The provider a request names, else the brand's default payout method, else the configured
     * one; "auto" is PayPal when it is configured.
     */
    PayoutProvider provider(UUID brandId, String requested, Validation v) {
        String name = Validation.isBlank(requested) ? brandDefault(brandId) : requested.trim();
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

    private String brandDefault(UUID brandId) {
        PayoutMethod method = brands.get(brandId).payoutMethod();
        return method == null ? settings.payoutProvider() : method.name();
    }

    /** Whether PayPal Payouts can be chosen on this server. */
    boolean payPalAvailable() {
        return payPal.configured();
    }

    /** How a booked payment's items start: a manual payout awaits the brand's transfer. */
    PaymentItemStatus initialItemStatus(PayoutProvider provider) {
        return provider == PayoutProvider.MANUAL ? PaymentItemStatus.AWAITING_TRANSFER : PaymentItemStatus.PROCESSING;
    }

    /**
     * When the poller should first look at a booked payment, should the submission right after
     * the booking never happen (the process stopped): null for a manual payout.
     */
    Instant firstCheck(PayoutProvider provider) {
        return provider == PayoutProvider.PAYPAL ? payPal.firstCheck() : null;
    }

    /** After the booking committed: PayPal gets the payment. */
    void submit(Payment payment) {
        if (payment.provider() != PayoutProvider.PAYPAL) {
            return;
        }
        try {
            payPal.submit(payment);
        } catch (RuntimeException e) {
            // The payment stays as the attempt left it (UNKNOWN at worst); polling resubmits the same sender_batch_id.
            log.warn("PayPal payout {} not submitted yet: {}", payment.id(), e.getMessage());
        }
    }

    /** Asks the payment's provider for news now instead of waiting for the poller. */
    void refresh(Payment payment) {
        if (payment.provider() == PayoutProvider.PAYPAL) {
            try {
                payPal.refresh(payment);
            } catch (PayPalClient.PayPalException e) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "PayPal could not be asked now (" + e.getMessage() + "); the payment is followed on its own");
            }
        }
    }

    /** A PayPal batch the brand found for a payment PayPal gave no link to. */
    void adopt(Payment payment, String payoutBatchId) {
        if (payment.provider() != PayoutProvider.PAYPAL) {
            throw ProblemException.conflict("Payment " + payment.id() + " was not sent through PayPal");
        }
        if (payment.providerBatchId() != null) {
            throw ProblemException.conflict("Payment " + payment.id() + " is already matched to PayPal batch "
                    + payment.providerBatchId());
        }
        payPal.adopt(payment, payoutBatchId);
    }
}
