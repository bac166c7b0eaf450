package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.Conversions;

/**
 * What happens when a payout item ends, whoever learned it (the manual provider at once,
 * PayPal polling later). Each item ends once: a repeated poll changes nothing.
 */
@Component
class PayoutOutcomes {

    private final PaymentRepository repository;
    private final Journal journal;
    private final Conversions conversions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayoutOutcomes(PaymentRepository repository, Journal journal, Conversions conversions,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.conversions = conversions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a completed item, marks the member's conversions it covers paid and announces it,
     * inside this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPaid(PaymentItem item, String providerItemId, Instant at) {
        if (repository.finishItem(item.id(), PaymentItemStatus.PAID, providerItemId, null, at)) {
            conversions.markPaid(item.brandId(), item.memberId(), item.paymentId(), item.amount());
            events.publishEvent(new MemberPaid(item.brandId(), item.memberId(), item.paymentId(), item.amount(), at));
        }
    }

    /** The provider gave up on an item: its amount and fee go back to the balance and the member's payable. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markFailed(PaymentItem item, String providerItemId, String reason) {
        String why = reason == null || reason.isBlank() ? "failed" : reason.length() > 300 ? reason.substring(0, 300)
                : reason;
        if (repository.finishItem(item.id(), PaymentItemStatus.FAILED, providerItemId, why, null)) {
            journal.post(item.brandId(), item.currency(), EntryType.PAYMENT_RETURNED, item.paymentId().toString(),
                    "Payout to member " + item.memberId() + " failed: " + why, null,
                    List.of(Line.debit(AccountKind.BRAND_CASH, item.amount().plus(item.fee()).minor()),
                            Line.credit(AccountKind.FEES, item.fee().minor()),
                            Line.creditMember(item.memberId(), item.amount().minor())));
        }
    }

    /** Closes the payment once none of its items is processing any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finishIfDone(UUID brandId, UUID paymentId) {
        Payment payment = repository.find(brandId, paymentId).orElseThrow();
        List<PaymentItem> items = payment.items();
        if (items.stream().anyMatch(i -> i.status() == PaymentItemStatus.PROCESSING)) {
            return;
        }
        long failed = items.stream().filter(i -> i.status() == PaymentItemStatus.FAILED).count();
        PaymentStatus status = failed == 0 ? PaymentStatus.COMPLETED
                : failed == items.size() ? PaymentStatus.FAILED : PaymentStatus.PARTIALLY_FAILED;
        repository.finishPayment(paymentId, status, clock.instant());
    }
}
