package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.ledger.PaymentCheck.CheckedRequest;
import io.linkledger.ledger.PaymentCheck.PayableItem;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;

/**
 * Writes a covered payment down: the payment with its items, and one balanced journal entry
 * that moves the amounts off the members' payables and the amounts plus fees out of the
 * brand's cash. The money is held from now on; its provider decides what becomes of it.
 */
@Component
class PaymentPosting {

    private final PaymentRepository repository;
    private final Journal journal;
    private final PayoutDispatch dispatch;
    private final Ids ids;
    private final Clock clock;

    PaymentPosting(PaymentRepository repository, Journal journal, PayoutDispatch dispatch, Ids ids, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.dispatch = dispatch;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Payment post(UUID brandId, CheckedRequest request, List<PayableItem> payable, Money charged) {
        UUID paymentId = ids.next();
        Instant now = clock.instant();
        PaymentItemStatus start = dispatch.initialItemStatus(request.provider());
        Money total = Money.zero(request.currency());
        Money fees = Money.zero(request.currency());
        List<PaymentItem> items = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (PayableItem item : payable) {
            items.add(new PaymentItem(ids.next(), paymentId, brandId, item.memberId(), item.amount(), item.fee(),
                    start, item.receiver(), null, null, null, null, null));
            lines.add(Line.debitMember(item.memberId(), item.amount().minor()));
            total = total.plus(item.amount());
            fees = fees.plus(item.fee());
        }
        lines.add(Line.debit(AccountKind.FEES, fees.minor()));
        lines.add(Line.credit(AccountKind.BRAND_CASH, total.plus(fees).minor()));
        Payment payment = new Payment(paymentId, brandId, request.key(), request.hash(), request.provider(),
                PaymentStatus.of(items.stream().map(PaymentItem::status).toList()), total, fees, charged, null, now,
                null, items, Submission.NOT_SENT, null, dispatch.firstCheck(request.provider()), null, null);
        repository.insert(payment);
        journal.post(brandId, request.currency(), EntryType.PAYMENT, paymentId.toString(), "Payment to "
                + items.size() + " member(s) via " + request.provider(), null, lines);
        return repository.find(brandId, paymentId).orElseThrow();
    }
}
