package io.linkledger.ledger;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.ledger.PaymentCheck.CheckedRequest;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Make a Payment, and the payments made: a request is checked, booked against the brand's
 * balance (see {@link PaymentBooking} for the lock and the Idempotency-Key), then handed to its
 * payout provider: PayPal, or the brand itself for a manual transfer it confirms afterwards.
 */
@Service
public class Payments {

    private final PaymentCheck check;
    private final RemittanceSettlement settlement;
    private final PaymentBooking booking;
    private final PayoutDispatch dispatch;
    private final ManualTransfers manual;
    private final PaymentRepository repository;

    Payments(PaymentCheck check, RemittanceSettlement settlement, PaymentBooking booking, PayoutDispatch dispatch,
            ManualTransfers manual, PaymentRepository repository) {
        this.check = check;
        this.settlement = settlement;
        this.booking = booking;
        this.dispatch = dispatch;
        this.manual = manual;
        this.repository = repository;
    }

    /** The payment and whether it is the answer to an earlier request with the same key. */
    public record Outcome(Payment payment, boolean replayed) {
    }

    public Outcome pay(UUID brandId, String idempotencyKey, PaymentRequest request) {
        CheckedRequest checked = check.request(brandId, idempotencyKey, request);
        // Remittances due by now count as available even if the scheduled settlement has not run yet.
        settlement.settleDue(brandId);
        Outcome outcome = booking.book(brandId, checked);
        if (outcome.replayed()) {
            return outcome;
        }
        dispatch.submit(outcome.payment());
        return new Outcome(get(brandId, outcome.payment().id()), false);
    }

    /** Whether PayPal Payouts can be chosen on this server (else payments are manual transfers). */
    public boolean payPalAvailable() {
        return dispatch.payPalAvailable();
    }

    /** The provider a payment without one gets: the brand's default, else the server's ("auto": PayPal when configured). */
    public PayoutProvider defaultProvider(UUID brandId) {
        return dispatch.provider(brandId, null, new Validation());
    }

    public Payment get(UUID brandId, UUID paymentId) {
        return repository.find(brandId, paymentId).orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
    }

    public Page<Payment> list(UUID brandId, int limit, int offset) {
        return new Page<>(repository.list(brandId, limit, offset), repository.count(brandId), limit, offset);
    }

    /** A member's payment history, newest first (for the member's dashboard). */
    public List<PaymentItem> forMember(UUID brandId, UUID memberId) {
        return repository.itemsOfMember(brandId, memberId);
    }

    /** What the member was paid in this currency and still has: returned payouts do not count. */
    public Money paidTo(UUID brandId, UUID memberId, Currency currency) {
        return new Money(repository.paidTo(brandId, memberId, currency), currency);
    }

    /** Asks the payment's provider for news now instead of waiting for the poller. */
    public Payment refresh(UUID brandId, UUID paymentId) {
        dispatch.refresh(get(brandId, paymentId));
        return get(brandId, paymentId);
    }

    /** The brand sent a manual payment's money: its members are paid (and told so). */
    public Payment confirmTransfer(UUID brandId, UUID paymentId, String confirmedBy) {
        return manual.confirm(brandId, paymentId, confirmedBy);
    }

    /** The brand did not send a manual payment's money: it goes back to the balance. */
    public Payment cancel(UUID brandId, UUID paymentId, String reason) {
        return manual.cancel(brandId, paymentId, reason);
    }

    /** Matches a PayPal payment PayPal gave no link for to the batch the brand found in its PayPal account. */
    public Payment reconcile(UUID brandId, UUID paymentId, String payoutBatchId) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(payoutBatchId) && payoutBatchId.trim().matches("[A-Za-z0-9]{1,64}"),
                "payoutBatchId", "is required: PayPal's payout_batch_id, letters and digits");
        v.throwIfInvalid();
        dispatch.adopt(get(brandId, paymentId), payoutBatchId.trim());
        return get(brandId, paymentId);
    }
}
