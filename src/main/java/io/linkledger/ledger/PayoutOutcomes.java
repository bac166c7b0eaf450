package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.Conversions;

/**
 * What happens when a provider (or the brand, for a manual transfer) says what became of a
 * payout item, whoever heard it: polling, a webhook, a confirmation. Each change happens once
 * (a conditional update decides), so a repeated poll or a redelivered webhook moves no money.
 * Money goes back only on a confirmed failure or return.
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

    /** The member has the money: their conversions it covers are marked paid and {@link MemberPaid} announced. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(PaymentItem item, String providerItemId, String providerStatus, Instant at) {
        if (repository.move(item.id(), PaymentItemStatus.IN_FLIGHT, PaymentItemStatus.PAID, providerItemId,
                providerStatus, null, at, null)) {
            conversions.markPaid(item.brandId(), item.memberId(), item.paymentId(), item.amount());
            events.publishEvent(new MemberPaid(item.brandId(), item.memberId(), item.paymentId(), item.amount(), at));
        }
    }

    /** The provider confirmed the item was not paid: its amount and fee go back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(PaymentItem item, String providerItemId, String providerStatus, String reason) {
        String why = reason == null || reason.isBlank() ? "failed" : reason;
        if (repository.move(item.id(), PaymentItemStatus.IN_FLIGHT, PaymentItemStatus.FAILED, providerItemId,
                providerStatus, why, null, null)) {
            giveBack(item, "failed: " + why);
        }
    }

    /**
     * The money came back to the brand (never claimed, refunded or reversed): it goes back to
     * the balance and the member's owed amount, and if the item had been paid, the conversions
     * it paid are payable again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void returned(PaymentItem item, String providerItemId, String providerStatus, String reason) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? providerStatus : reason;
        if (repository.move(item.id(), PaymentItemStatus.IN_FLIGHT, PaymentItemStatus.RETURNED, providerItemId,
                providerStatus, why, null, now)) {
            giveBack(item, "returned: " + why);
        } else if (repository.move(item.id(), Set.of(PaymentItemStatus.PAID), PaymentItemStatus.RETURNED,
                providerItemId, providerStatus, why, null, now)) {
            giveBack(item, "returned after payment: " + why);
            conversions.markUnpaid(item.brandId(), item.memberId(), item.paymentId());
        }
    }

    /** The provider's word changes nothing of ours yet (PENDING, UNCLAIMED, ONHOLD, BLOCKED): it is kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pending(PaymentItem item, String providerItemId, String providerStatus) {
        repository.noteProviderStatus(item.id(), providerItemId, providerStatus);
    }

    /** The payment's status from its items, after any of them changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentStatus settle(UUID brandId, UUID paymentId) {
        Payment payment = repository.find(brandId, paymentId).orElseThrow();
        PaymentStatus status = PaymentStatus.of(payment.items().stream().map(PaymentItem::status).toList());
        repository.setStatus(paymentId, status, status.inFlight() ? null : clock.instant());
        return status;
    }

    private void giveBack(PaymentItem item, String why) {
        journal.post(item.brandId(), item.currency(), EntryType.PAYMENT_RETURNED, item.paymentId().toString(),
                "Payout to member " + item.memberId() + " " + why, null,
                List.of(Line.debit(AccountKind.BRAND_CASH, item.amount().plus(item.fee()).minor()),
                        Line.credit(AccountKind.FEES, item.fee().minor()),
                        Line.creditMember(item.memberId(), item.amount().minor())));
        events.publishEvent(new PayoutFailed(item.brandId(), item.memberId(), item.paymentId(), item.amount(), why,
                clock.instant()));
    }
}
