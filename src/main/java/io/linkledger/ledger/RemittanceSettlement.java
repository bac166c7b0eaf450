package io.linkledger.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a remittance from the brand's pending balance to its available balance once its
 * settlement day has come (judged by the injected Clock, UTC): on a schedule, and on demand
 * before anything reads or spends the balance.
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

    @Scheduled(fixedDelayString = "${linkledger.money.settlement-interval:PT10M}",
            initialDelayString = "${linkledger.money.settlement-interval:PT10M}")
    void settleAllDue() {
        settle(repository.due(null, today()));
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
