package io.linkledger.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.ledger.PaymentCheck.CheckedRequest;
import io.linkledger.ledger.PaymentCheck.PayableItem;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * Books a checked payment in one transaction that first takes the lock on the brand's cash
 * account, so concurrent payments of a brand in one currency queue and each sees the balance
 * the previous one left: the balance is never overdrawn, on H2 as on PostgreSQL. The
 * Idempotency-Key is looked up under the same lock, so a retried request returns the first
 * payment instead of paying twice. What the balance lacks is charged to the linked card first.
 */
@Component
class PaymentBooking {

    private static final int LOCK_ATTEMPTS = 20;

    private final TransactionTemplate transactions;
    private final Journal journal;
    private final PaymentRepository repository;
    private final PaymentCheck check;
    private final CardTopUps cards;
    private final PaymentPosting posting;

    PaymentBooking(TransactionTemplate transactions, Journal journal, PaymentRepository repository,
            PaymentCheck check, CardTopUps cards, PaymentPosting posting) {
        this.transactions = transactions;
        this.journal = journal;
        this.repository = repository;
        this.check = check;
        this.cards = cards;
        this.posting = posting;
    }

    Payments.Outcome book(UUID brandId, CheckedRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> bookLocked(brandId, request));
            } catch (TransientDataAccessException e) {
                // Lock wait timed out or the database chose this transaction as a deadlock victim.
                if (attempt >= LOCK_ATTEMPTS) {
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The balance is busy with other payments; retry with the same Idempotency-Key");
                }
            }
        }
    }

    private Payments.Outcome bookLocked(UUID brandId, CheckedRequest request) {
        Money available = journal.lockCash(brandId, request.currency());
        Optional<Payment> earlier = repository.findByKey(brandId, request.key());
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(request.hash())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key " + request.key()
                        + " was already used for a different payment (" + earlier.get().id() + ")");
            }
            return new Payments.Outcome(earlier.get(), true);
        }
        List<PayableItem> items = check.payable(brandId, request);
        Money needed = items.stream().map(i -> i.amount().plus(i.fee()))
                .reduce(Money.zero(request.currency()), Money::plus);
        Money charged = cover(brandId, request, needed, available);
        return new Payments.Outcome(posting.post(brandId, request, items, charged), false);
    }

    /** Nothing when the balance covers it; else the shortfall charged to the linked card, or a 409. */
    private Money cover(UUID brandId, CheckedRequest request, Money needed, Money available) {
        if (available.minor() >= needed.minor()) {
            return Money.zero(request.currency());
        }
        Money shortfall = needed.minus(available);
        return cards.chargeShortfall(brandId, shortfall, "payment:" + request.key())
                .orElseThrow(() -> ProblemException.conflict("The balance is short by " + shortfall + ": " + needed
                        + " is needed and " + available + " is available. Add funds or link a card, then retry."));
    }
}
