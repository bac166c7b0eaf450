package io.linkledger.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.ledger.PayPalClient.ItemStatus;
import io.linkledger.shared.ProblemException;

/**
 * Sends payments through PayPal Payouts and follows every item until it is final. The payment
 * id is the {@code sender_batch_id}: a resubmission after a lost answer is refused by PayPal as
 * a duplicate (with a link to the batch it has), so it can never pay twice within PayPal's 30
 * days. What PayPal has not confirmed stays UNKNOWN; money goes back only on a confirmed
 * failure or return (see {@link PayPalItemStatus} for which statuses are final).
 */
@Component
class PayPalPayouts {

    private static final Logger log = LoggerFactory.getLogger(PayPalPayouts.class);

    private final PayPalClient client;
    private final PaymentRepository repository;
    private final PayoutOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration resubmitWithin;
    private final Duration followPaidFor;
    private final Duration paidCheckInterval;

    PayPalPayouts(PayPalClient client, PaymentRepository repository, PayoutOutcomes outcomes,
            TransactionTemplate transactions, Clock clock,
            @Value("${linkledger.money.paypal.poll-interval:PT5M}") Duration pollInterval,
            @Value("${linkledger.money.paypal.resubmit-within:P29D}") Duration resubmitWithin,
            @Value("${linkledger.money.paypal.follow-paid-for:P180D}") Duration followPaidFor,
            @Value("${linkledger.money.paypal.paid-check-interval:P1D}") Duration paidCheckInterval) {
        this.client = client;
        this.repository = repository;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.resubmitWithin = resubmitWithin;
        this.followPaidFor = followPaidFor;
        this.paidCheckInterval = paidCheckInterval;
    }

    boolean configured() {
        return client.configured();
    }

    Instant firstCheck() {
        return clock.instant().plus(pollInterval);
    }

    /**
     * Sends the batch unless PayPal has it already, and writes down what the answer says. A
     * refusal gives the money back only when no earlier attempt may have created the batch.
     */
    void submit(Payment payment) {
        if (payment.providerBatchId() != null || payment.submission() == Submission.REFUSED) {
            return;
        }
        Instant now = clock.instant();
        if (payment.firstSubmittedAt() != null && now.isAfter(payment.firstSubmittedAt().plus(resubmitWithin))) {
            // PayPal rejects a reused sender_batch_id for 30 days only: later, a resubmission could pay twice.
            return;
        }
        boolean wasUncertain = payment.submission() == Submission.UNCERTAIN;
        transactions.executeWithoutResult(tx -> repository.beginAttempt(payment.id(), now));
        List<PayPalClient.Item> items = payment.items().stream()
                .filter(item -> item.status().inFlight())
                .map(item -> new PayPalClient.Item(item.id().toString(), item.receiver(),
                        item.amount().toDecimalString(), item.currency().getCurrencyCode(), "Commission payout"))
                .toList();
        PayPalClient.Submitted answer = client.createBatch(payment.id().toString(), "You have a payout", items);
        transactions.executeWithoutResult(tx -> {
            switch (answer) {
                case PayPalClient.Created created ->
                        repository.endAttempt(payment.id(), Submission.ACCEPTED, created.batchId(), null);
                case PayPalClient.Duplicate duplicate when duplicate.batchId() != null ->
                        repository.endAttempt(payment.id(), Submission.ACCEPTED, duplicate.batchId(), null);
                case PayPalClient.Duplicate duplicate -> repository.endAttempt(payment.id(), Submission.UNCERTAIN,
                        null, "PayPal has a batch with this sender_batch_id but gave no link to it; it is matched "
                                + "by its webhooks, or by its payout_batch_id entered on the payment");
                case PayPalClient.Refused refused when wasUncertain -> repository.endAttempt(payment.id(),
                        Submission.UNCERTAIN, null, "A resubmission was refused (" + refused.reason()
                                + "); whether the first submission created the batch is not known");
                case PayPalClient.Refused refused -> {
                    repository.endAttempt(payment.id(), Submission.REFUSED, null, refused.reason());
                    Payment current = repository.find(payment.brandId(), payment.id()).orElseThrow();
                    current.items().forEach(item -> outcomes.failed(item, null, null, refused.reason()));
                }
                case PayPalClient.NotProcessed notProcessed -> repository.endAttempt(payment.id(),
                        wasUncertain ? Submission.UNCERTAIN : Submission.NOT_SENT, null, notProcessed.reason());
                case PayPalClient.Uncertain uncertain ->
                        repository.endAttempt(payment.id(), Submission.UNCERTAIN, null, uncertain.reason());
            }
            settle(payment.brandId(), payment.id());
        });
    }

    /** Submits if PayPal may not have the batch yet, then applies each item's current status. */
    void refresh(Payment payment) {
        if (payment.providerBatchId() == null) {
            submit(payment);
            payment = repository.find(payment.brandId(), payment.id()).orElseThrow();
            if (payment.providerBatchId() == null) {
                return;
            }
        }
        apply(payment, client.getBatch(payment.providerBatchId()));
    }

    /**
     * The brand found the batch in its PayPal account (PayPal gave no link to it): the batch is
     * looked up and taken as this payment's only if its sender_batch_id is this payment's id.
     */
    void adopt(Payment payment, String payoutBatchId) {
        PayPalClient.Batch batch;
        try {
            batch = client.getBatch(payoutBatchId);
        } catch (PayPalClient.PayPalException e) {
            throw ProblemException.invalid("payoutBatchId", "PayPal could not show batch " + payoutBatchId + ": "
                    + e.getMessage());
        }
        if (!payment.id().toString().equals(batch.senderBatchId())) {
            throw ProblemException.invalid("payoutBatchId", "batch " + payoutBatchId + " was sent for "
                    + batch.senderBatchId() + ", not for this payment");
        }
        transactions.executeWithoutResult(tx ->
                repository.endAttempt(payment.id(), Submission.ACCEPTED, batch.payoutBatchId(), null));
        apply(repository.find(payment.brandId(), payment.id()).orElseThrow(), batch);
    }

    private void apply(Payment payment, PayPalClient.Batch batch) {
        if (batch.senderBatchId() != null && !batch.senderBatchId().equals(payment.id().toString())) {
            log.error("PayPal batch {} belongs to sender_batch_id {}, not to payment {}; not applied",
                    batch.payoutBatchId(), batch.senderBatchId(), payment.id());
            return;
        }
        Map<String, PaymentItem> ours = payment.items().stream()
                .collect(Collectors.toMap(item -> item.id().toString(), Function.identity()));
        transactions.executeWithoutResult(tx -> {
            for (ItemStatus theirs : batch.items()) {
                PaymentItem mine = theirs.senderItemId() == null ? null : ours.get(theirs.senderItemId());
                if (mine != null) {
                    apply(mine, theirs);
                }
            }
            if (PayPalItemStatus.batchRefused(batch.batchStatus())) {
                for (PaymentItem mine : payment.items()) {
                    outcomes.failed(mine, null, null, "PayPal batch " + batch.batchStatus());
                }
            }
            settle(payment.brandId(), payment.id());
        });
    }

    /**
     * A PayPal item event (webhook) for one of our items: the batch is adopted if the payment
     * did not know it yet, and the item's status applied as polling would.
     */
    String onItemEvent(ItemStatus theirs) {
        Optional<PaymentItem> mine = findItem(theirs);
        if (mine.isEmpty()) {
            return "not ours";
        }
        Payment payment = repository.findById(mine.get().paymentId()).orElseThrow();
        transactions.executeWithoutResult(tx -> {
            if (payment.providerBatchId() == null && theirs.payoutBatchId() != null) {
                repository.endAttempt(payment.id(), Submission.ACCEPTED, theirs.payoutBatchId(), null);
            }
            apply(repository.findItem(mine.get().id()).orElseThrow(), theirs);
            settle(payment.brandId(), payment.id());
        });
        return "item " + mine.get().id() + " " + theirs.transactionStatus();
    }

    /** A PayPal batch event (webhook): adopt the batch if unknown and look at it at the next poll. */
    String onBatchEvent(String senderBatchId, String payoutBatchId) {
        Optional<Payment> payment = parse(senderBatchId).flatMap(repository::findById)
                .filter(p -> p.provider() == PayoutProvider.PAYPAL);
        if (payment.isEmpty()) {
            return "not ours";
        }
        transactions.executeWithoutResult(tx -> {
            if (payment.get().providerBatchId() == null && payoutBatchId != null) {
                repository.endAttempt(payment.get().id(), Submission.ACCEPTED, payoutBatchId, null);
                settle(payment.get().brandId(), payment.get().id());
            }
            repository.setNextCheck(payment.get().id(), clock.instant());
        });
        return "payment " + payment.get().id() + " to be refreshed";
    }

    private Optional<PaymentItem> findItem(ItemStatus theirs) {
        return parse(theirs.senderItemId()).flatMap(repository::findItem)
                .or(() -> theirs.payoutItemId() == null ? Optional.empty()
                        : repository.findItemByProviderId(theirs.payoutItemId()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void apply(PaymentItem mine, ItemStatus theirs) {
        String status = theirs.transactionStatus();
        String reason = status + (theirs.error() == null ? "" : ": " + theirs.error());
        switch (PayPalItemStatus.of(status)) {
            case PAID -> outcomes.paid(mine, theirs.payoutItemId(), status, clock.instant());
            case FAILED -> {
                if (mine.status() == PaymentItemStatus.PAID) {
                    outcomes.returned(mine, theirs.payoutItemId(), status, reason);
                } else {
                    outcomes.failed(mine, theirs.payoutItemId(), status, reason);
                }
            }
            case RETURNED -> outcomes.returned(mine, theirs.payoutItemId(), status, reason);
            case IN_FLIGHT -> outcomes.pending(mine, theirs.payoutItemId(), status);
        }
    }

    /** The payment's status from its items, and when to look at it again. */
    private void settle(UUID brandId, UUID paymentId) {
        outcomes.settle(brandId, paymentId);
        repository.setNextCheck(paymentId, nextCheck(repository.find(brandId, paymentId).orElseThrow()));
    }

    /**
     * Until every item is final: in-flight items and unsent batches at every poll (resubmitting
     * only within PayPal's duplicate window), paid items once a day for {@code follow-paid-for}
     * (webhooks report a later return at any time). Null: nothing left to ask PayPal.
     */
    Instant nextCheck(Payment payment) {
        Instant now = clock.instant();
        if (payment.providerBatchId() == null) {
            boolean mayResubmit = payment.submission() != Submission.REFUSED && (payment.firstSubmittedAt() == null
                    || now.isBefore(payment.firstSubmittedAt().plus(resubmitWithin)));
            return mayResubmit ? now.plus(pollInterval) : null;
        }
        if (payment.items().stream().anyMatch(item -> item.status().inFlight())) {
            return now.plus(pollInterval);
        }
        boolean stillRevocable = payment.items().stream().anyMatch(item -> item.status() == PaymentItemStatus.PAID
                && item.paidAt() != null && now.isBefore(item.paidAt().plus(followPaidFor)));
        return stillRevocable ? now.plus(paidCheckInterval) : null;
    }

    /** The scheduler's entry, one node at a time; a direct call of {@link #poll()} is not locked and always runs. */
    @Scheduled(fixedDelayString = "${linkledger.money.paypal.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.paypal.poll-interval:PT5M}")
    @SchedulerLock(name = "paypal-payouts",
            lockAtMostFor = "${linkledger.jobs.paypal-payouts.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void pollOnSchedule() {
        poll();
    }

    /** Every due PayPal payment, each taken by one node only (see {@link PaymentRepository#claim}). */
    void poll() {
        if (!client.configured()) {
            return;
        }
        Instant now = clock.instant();
        for (PaymentRepository.Due due : repository.due(PayoutProvider.PAYPAL, now, 100)) {
            if (!repository.claim(due, now.plus(pollInterval))) {
                continue;
            }
            try {
                repository.find(due.brandId(), due.paymentId()).ifPresent(this::refresh);
            } catch (RuntimeException e) {
                log.warn("PayPal payout {} not refreshed: {}", due.paymentId(), e.getMessage());
            }
        }
    }
}
