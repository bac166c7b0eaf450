package io.linkledger.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Moves a remittance from the brand's pending balance to its available balance once its
 * settlement day has come (judged by the injected Clock, UTC). A scheduled job does it for
 * every brand, so nothing depends on someone reading the balance; a payment also settles its
 * brand's due remittances first. Each remittance settles once however many nodes run the job at
 * the same time: the conditional update that marks it settled decides who posts the entry.
 */
@Component
class RemittanceSettlement {

    private final RemittanceRepository repository;
    private final Journal journal;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RemittanceSettlement(RemittanceRepository repository, Journal journal, TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Moves every due remittance of the brand from pending to available. */
    void settleDue(UUID brandId) {
        settle(repository.due(brandId, today()));
    }

    /** The scheduler's entry, one node at a time; a direct call of {@link #settleAllDue()} is not locked and always runs. */
    @Scheduled(fixedDelayString = "${linkledger.money.settlement-interval:PT1M}",
            initialDelayString = "${linkledger.money.settlement-initial-delay:PT10S}")
    @SchedulerLock(name = "remittance-settlement",
            lockAtMostFor = "${linkledger.jobs.remittance-settlement.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void settleAllDueOnSchedule() {
        settleAllDue();
    }

    /** Settles every due remittance. */
    void settleAllDue() {
        List<Remittance> due;
        do {
            due = repository.due(null, today());
            settle(due);
        } while (due.size() == 500);
    }

    private void settle(List<Remittance> due) {
        for (Remittance r : due) {
            transactions.executeWithoutResult(status -> {
                if (repository.settle(r.id(), clock.instant())) {
                    journal.post(r.brandId(), r.currency(), EntryType.SETTLEMENT, r.id().toString(),
                            r.network() + " remittance for " + r.period() + " settled", null,
                            List.of(Line.debit(AccountKind.BRAND_CASH, r.received().minor()),
                                    Line.credit(AccountKind.BRAND_CASH_PENDING, r.received().minor())));
                }
            });
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
