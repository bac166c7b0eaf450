package io.linkledger.ledger;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.ledger.PaymentCheck.CheckedRequest;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * Make a Payment, and the payments made: a request is checked, booked against the brand's
 * balance (see {@link PaymentBooking} for the lock and the Idempotency-Key), then handed to its
 * payout provider.
 */
@Service
public class Payments {

    private final PaymentCheck check;
    private final RemittanceSettlement settlement;
    private final PaymentBooking booking;
    private final PayoutDispatch dispatch;
    private final PaymentRepository repository;

    Payments(PaymentCheck check, RemittanceSettlement settlement, PaymentBooking booking, PayoutDispatch dispatch,
            PaymentRepository repository) {
        this.check = check;
        this.settlement = settlement;
        this.booking = booking;
        this.dispatch = dispatch;
        this.repository = repository;
    }

    /** The payment and whether it is the answer to an earlier request with the same key. */
    public record Outcome(Payment payment, boolean replayed) {
    }

    public Outcome pay(UUID brandId, String idempotencyKey, PaymentRequest request) {
        CheckedRequest checked = check.request(brandId, idempotencyKey, request);
        // Remittances due by now count as available even if the scheduler has not run yet.
        settlement.settleDue(brandId);
        Outcome outcome = booking.book(brandId, checked);
        if (outcome.replayed()) {
            return outcome;
        }
        dispatch.submit(outcome.payment());
        return new Outcome(get(brandId, outcome.payment().id()), false);
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

    /** Asks the payment's provider for news now instead of waiting for the poller. */
    public Payment refresh(UUID brandId, UUID paymentId) {
        dispatch.refresh(get(brandId, paymentId));
        return get(brandId, paymentId);
    }
}
