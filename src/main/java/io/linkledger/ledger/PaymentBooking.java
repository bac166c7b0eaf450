package io.linkledger.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.audit.AuditTrail;
import io.linkledger.ledger.PaymentCheck.CheckedRequest;
import io.linkledger.ledger.PaymentCheck.PayableItem;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * Books a checked payment in one transaction that first takes the lock on the brand's cash
 * account, so concurrent payments of a brand in one currency queue and each sees the balance
 * the previous one left: the balance is never overdrawn, on H2 as on PostgreSQL. The
 * Idempotency-Key is looked up under the same lock, so a retried request returns the first
 * payment instead of paying twice. What the balance lacks is charged to the linked card first,
 * outside the lock, and the payment is booked only once that card payment succeeded.
 */
@Component
class PaymentBooking {

    private static final int LOCK_ATTEMPTS = 20;

    private final TransactionTemplate transactions;
    private final Journal journal;
    private final PaymentRepository repository;
    private final PaymentCheck check;
    private final CardCharges cards;
    private final CardChargeRepository charges;
    private final PaymentMethods methods;
    private final PaymentPosting posting;
    private final AuditTrail audit;

    PaymentBooking(TransactionTemplate transactions, Journal journal, PaymentRepository repository,
            PaymentCheck check, CardCharges cards, CardChargeRepository charges, PaymentMethods methods,
            PaymentPosting posting, AuditTrail audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.journal = journal;
        this.repository = repository;
        this.check = check;
        this.cards = cards;
        this.charges = charges;
        this.methods = methods;
        this.posting = posting;
    }

    /** The payment booked, or what the balance lacks for it. */
    private record Attempt(Payments.Outcome outcome, Money shortfall, Money needed, Money available) {
    }

    Payments.Outcome book(UUID brandId, CheckedRequest request) {
        Optional<CardCharge> earlier = charges.find(brandId, CardCharge.Purpose.SHORTFALL, request.key())
                .filter(c -> c.status() == CardCharge.Status.SUCCEEDED);
        Money charged = earlier.map(CardCharge::amount).orElse(Money.zero(request.currency()));
        boolean cardCharged = earlier.isPresent();
        while (true) {
            Money chargedSoFar = charged;
            Attempt attempt = locked(() -> bookLocked(brandId, request, chargedSoFar));
            if (attempt.outcome() != null) {
                return attempt.outcome();
            }
            if (cardCharged || methods.active(brandId).isEmpty()) {
                throw ProblemException.conflict("The balance is short by " + attempt.shortfall() + ": "
                        + attempt.needed() + " is needed and " + attempt.available() + " is available. "
                        + (cardCharged ? "" : "Add funds or link a card, then retry."));
            }
            CardCharge charge = cards.charge(brandId, CardCharge.Purpose.SHORTFALL, request.key(),
                    attempt.shortfall(), "Top-up for a payment to members");
            switch (charge.status()) {
                case SUCCEEDED -> {
                    charged = charge.amount();
                    cardCharged = true;
                }
                case PROCESSING -> throw ProblemException.conflict("The card payment of " + charge.amount()
                        + " for the shortfall is processing. It is added to the balance when it succeeds; retry "
                        + "this payment then, with the same Idempotency-Key.");
                case DECLINED -> throw CardTopUps.declined(methods.find(brandId, charge.paymentMethodId()), charge);
                case REFUSED -> throw ProblemException.conflict("The card could not be charged: "
                        + charge.failureReason());
                case UNKNOWN -> throw CardTopUps.unknown(charge.amount());
            }
        }
    }

    private Attempt locked(java.util.function.Supplier<Attempt> booking) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> booking.get());
            } catch (TransientDataAccessException e) {
                // Lock wait timed out or the database chose this transaction as a deadlock victim.
                if (attempt >= LOCK_ATTEMPTS) {
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The balance is busy with other payments; retry with the same Idempotency-Key");
                }
            }
        }
    }

    private Attempt bookLocked(UUID brandId, CheckedRequest request, Money charged) {
        Money available = journal.lockCash(brandId, request.currency());
        Optional<Payment> earlier = repository.findByKey(brandId, request.key());
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(request.hash())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key " + request.key()
                        + " was already used for a different payment (" + earlier.get().id() + ")");
            }
            return new Attempt(new Payments.Outcome(earlier.get(), true), null, null, null);
        }
        List<PayableItem> items = check.payable(brandId, request);
        Money needed = items.stream().map(i -> i.amount().plus(i.fee()))
                .reduce(Money.zero(request.currency()), Money::plus);
        if (available.minor() < needed.minor()) {
            return new Attempt(null, needed.minus(available), needed, available);
        }
        Payment payment = posting.post(brandId, request, items, charged);
        audit.record(AuditedPayment.entry("payment.created", null, payment));
        return new Attempt(new Payments.Outcome(payment, false), null, null, null);
    }
}
