package io.linkledger.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends payments through PayPal Payouts and follows them until every item ends. The payment
 * id is the {@code sender_batch_id}, so a resubmission after a timeout can never pay twice;
 * a failed, returned or blocked item gives the money back to the brand's balance.
 */
@Component
class PayPalPayouts {

    private static final Logger log = LoggerFactory.getLogger(PayPalPayouts.class);
    private static final Set<String> PAID = Set.of("SUCCESS");
    private static final Set<String> FAILED = Set.of("FAILED", "RETURNED", "BLOCKED", "REFUNDED", "REVERSED",
            "DENIED", "CANCELED");

    private final PayPalClient client;
    private final PaymentRepository repository;
    private final PayoutOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PayPalPayouts(PayPalClient client, PaymentRepository repository, PayoutOutcomes outcomes,
            TransactionTemplate transactions, Clock clock) {
        this.client = client;
        this.repository = repository;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
    }

    boolean configured() {
        return client.configured();
    }

    void submit(Payment payment) {
        if (payment.providerBatchId() != null) {
            return;
        }
        List<PayPalClient.Item> items = payment.items().stream()
                .filter(item -> item.status() == PaymentItemStatus.PROCESSING)
                .map(item -> new PayPalClient.Item(item.id().toString(), item.receiver(),
                        item.amount().toDecimalString(), item.currency().getCurrencyCode(), "Commission payout"))
                .toList();
        String batchId;
        try {
            batchId = client.createBatch(payment.id().toString(), "You have a payout", items);
        } catch (PayPalClient.PayPalException e) {
            if (e.originalBatchId() == null) {
                if (permanent(e)) {
                    rejectAll(payment, e.getMessage());
                    return;
                }
                throw e;
            }
            // Our earlier request went through even though we never saw the answer.
            batchId = e.originalBatchId();
        }
        repository.setBatchId(payment.id(), batchId);
    }

    /** A 4xx other than auth or rate limiting: resubmitting the same batch cannot succeed. */
    private static boolean permanent(PayPalClient.PayPalException e) {
        return e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 408 && e.status() != 429;
    }

    /** PayPal refused the whole batch: every item fails and its money goes back to the balance. */
    private void rejectAll(Payment payment, String reason) {
        transactions.executeWithoutResult(status -> {
            for (PaymentItem item : payment.items()) {
                outcomes.markFailed(item, null, reason);
            }
            outcomes.finishIfDone(payment.brandId(), payment.id());
        });
    }

    /** Submits if it never got through, then applies each item's current status. */
    void refresh(Payment payment) {
        if (payment.providerBatchId() == null) {
            submit(payment);
            payment = repository.find(payment.brandId(), payment.id()).orElseThrow();
            if (payment.providerBatchId() == null) {
                return;
            }
        }
        PayPalClient.Batch batch = client.getBatch(payment.providerBatchId());
        Map<String, PaymentItem> ours = payment.items().stream()
                .collect(Collectors.toMap(item -> item.id().toString(), Function.identity()));
        Payment current = payment;
        transactions.executeWithoutResult(status -> {
            for (PayPalClient.ItemStatus item : batch.items()) {
                PaymentItem mine = item.senderItemId() == null ? null : ours.get(item.senderItemId());
                if (mine == null || mine.status() != PaymentItemStatus.PROCESSING) {
                    continue;
                }
                if (PAID.contains(item.transactionStatus())) {
                    outcomes.markPaid(mine, item.payoutItemId(), clock.instant());
                } else if (FAILED.contains(item.transactionStatus())) {
                    outcomes.markFailed(mine, item.payoutItemId(),
                            item.transactionStatus() + (item.error() == null ? "" : ": " + item.error()));
                }
            }
            if ("DENIED".equals(batch.batchStatus()) || "CANCELED".equals(batch.batchStatus())) {
                for (PaymentItem mine : current.items()) {
                    outcomes.markFailed(mine, null, "PayPal batch " + batch.batchStatus());
                }
            }
            outcomes.finishIfDone(current.brandId(), current.id());
        });
    }

    @Scheduled(fixedDelayString = "${linkledger.money.paypal.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.paypal.poll-interval:PT5M}")
    void poll() {
        if (!client.configured()) {
            return;
        }
        for (UUID[] ids : repository.processing(PayoutProvider.PAYPAL, 100)) {
            try {
                repository.find(ids[1], ids[0]).ifPresent(this::refresh);
            } catch (RuntimeException e) {
                log.warn("PayPal payout {} not refreshed: {}", ids[0], e.getMessage());
            }
        }
    }
}
