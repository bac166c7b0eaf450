package io.linkledger.ledger;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * A manual payout: the money is held from the balance when the payment is made, and the brand
 * sends it itself (with the payout file). Its members are paid when the brand confirms the
 * transfer; cancelling before any transfer gives the money back.
 */
@Component
class ManualTransfers {

    private final PaymentRepository repository;
    private final PayoutOutcomes outcomes;
    private final Clock clock;
    private final AuditTrail audit;

    ManualTransfers(PaymentRepository repository, PayoutOutcomes outcomes, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Marks every member of the payment paid; confirming again changes nothing. */
    @Transactional
    public Payment confirm(UUID brandId, UUID paymentId, String confirmedBy) {
        Payment payment = awaiting(brandId, paymentId, PaymentStatus.COMPLETED, "confirmed");
        if (payment.status() == PaymentStatus.AWAITING_TRANSFER) {
            for (PaymentItem item : payment.items()) {
                outcomes.paid(item, null, null, clock.instant());
            }
            repository.confirmTransfer(paymentId, confirmedBy);
            outcomes.settle(brandId, paymentId);
            audit.record(AuditedPayment.entry("payment.transfer_confirmed", payment,
                    repository.find(brandId, paymentId).orElseThrow()));
        }
        return repository.find(brandId, paymentId).orElseThrow();
    }

    /** The brand did not send the money: its amount and fees go back; cancelling again changes nothing. */
    @Transactional
    public Payment cancel(UUID brandId, UUID paymentId, String reason) {
        Validation v = new Validation();
        v.check(reason == null || reason.length() <= 200, "reason", "must be at most 200 characters");
        v.throwIfInvalid();
        Payment payment = awaiting(brandId, paymentId, PaymentStatus.FAILED, "cancelled");
        if (payment.status() == PaymentStatus.AWAITING_TRANSFER) {
            String why = "Cancelled by the brand before any transfer"
                    + (Validation.isBlank(reason) ? "" : ": " + reason.trim());
            for (PaymentItem item : payment.items()) {
                outcomes.failed(item, null, null, why);
            }
            outcomes.settle(brandId, paymentId);
            audit.record(AuditedPayment.entry("payment.cancelled", payment,
                    repository.find(brandId, paymentId).orElseThrow()));
        }
        return repository.find(brandId, paymentId).orElseThrow();
    }

    /** The locked manual payment, awaiting its transfer or already in {@code done}; else a 409. */
    private Payment awaiting(UUID brandId, UUID paymentId, PaymentStatus done, String doneWord) {
        Payment payment = repository.lock(brandId, paymentId)
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        if (payment.provider() != PayoutProvider.MANUAL) {
            throw ProblemException.conflict("Payment " + paymentId + " was sent through " + payment.provider()
                    + "; only a manual payment's transfer is confirmed or cancelled by the brand");
        }
        if (payment.status() != PaymentStatus.AWAITING_TRANSFER && payment.status() != done) {
            throw ProblemException.conflict("Payment " + paymentId + " is " + payment.status()
                    + " and can no longer be " + doneWord);
        }
        return payment;
    }
}
