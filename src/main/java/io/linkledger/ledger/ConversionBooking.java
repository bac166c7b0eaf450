package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.ConversionMoneyChanged;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.conversions.MoneyChange;
import io.linkledger.shared.Money;

/**
 * Books conversion money as the conversions feature changes it, inside the same transaction.
 * The books hold what an approved (or paid) conversion is worth; each event moves them from
 * what was booked to that target, so approval accrues, a reversal after approval claws back
 * (the member's payable may go negative) and commission adjustments book the difference.
 * Pending amounts are only remembered for the overview.
 */
@Component
class ConversionBooking {

    private final ConversionLedgerRepository repository;
    private final Journal journal;
    private final Clock clock;

    ConversionBooking(ConversionLedgerRepository repository, Journal journal, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Books the changes as one after the other would, with a few statements for all of them; a
     * change seen before (a redelivery) is skipped.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ConversionMoneyChanged event) {
        book(repository.markAllProcessed(event.changes(), clock.instant()));
    }

    private void book(List<MoneyChange> events) {
        Map<UUID, BookedConversion> stored = repository.findAll(
                events.stream().map(MoneyChange::conversionId).collect(Collectors.toSet()));
        Map<UUID, BookedConversion> booked = new LinkedHashMap<>();
        for (MoneyChange event : events) {
            UUID id = event.conversionId();
            BookedConversion before = booked.containsKey(id) ? booked.get(id) : stored.get(id);
            booked.put(id, book(event, before));
        }
        Instant now = clock.instant();
        repository.updateAll(booked.values().stream().filter(c -> stored.containsKey(c.conversionId())).toList(), now);
        repository.insertAll(booked.values().stream().filter(c -> !stored.containsKey(c.conversionId())).toList(), now);
    }

    /** Posts what moves the books from {@code before} (null: nothing booked yet) to the event's target. */
    private BookedConversion book(MoneyChange event, BookedConversion before) {
        Money member = orZero(event.memberCommissionAfter(), event);
        Money network = orZero(event.networkCommissionAfter(), event);
        Currency currency = member.currency();
        if (!network.currency().equals(currency)) {
            throw new IllegalArgumentException("Conversion " + event.conversionId() + " mixes " + currency + " and "
                    + network.currency());
        }
        if (before == null) {
            before = BookedConversion.none(event, currency);
        }
        if (!before.currency().equals(currency)) {
            throw new IllegalArgumentException("Conversion " + event.conversionId() + " changed currency");
        }
        boolean accrued = event.toStatus() == ConversionStatus.APPROVED || event.toStatus() == ConversionStatus.PAID;
        long targetMember = accrued ? member.minor() : 0;
        long targetNetwork = accrued ? network.minor() : 0;
        long pending = event.toStatus() == ConversionStatus.PENDING ? member.minor() : 0;

        long memberDelta = targetMember - before.bookedMember();
        long networkDelta = targetNetwork - before.bookedNetwork();
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(AccountKind.COMMISSION_EXPENSE, memberDelta));
        lines.add(Line.creditMember(event.memberId(), memberDelta));
        lines.add(Line.debit(AccountKind.NETWORK_RECEIVABLE, networkDelta));
        lines.add(Line.credit(AccountKind.NETWORK_INCOME, networkDelta));
        journal.post(event.brandId(), currency, EntryType.ACCRUAL, event.conversionId().toString(),
                describe(event), null, lines);

        var approvedAt = before.approvedAt() == null && accrued ? event.at() : before.approvedAt();
        return new BookedConversion(event.conversionId(), event.brandId(), event.memberId(), currency,
                event.toStatus(), pending, targetMember, targetNetwork, approvedAt, before.remittanceId());
    }

    private static Money orZero(Money after, MoneyChange event) {
        if (after != null) {
            return after;
        }
        Money any = event.memberCommissionAfter() != null ? event.memberCommissionAfter()
                : event.networkCommissionAfter() != null ? event.networkCommissionAfter()
                : event.memberCommissionBefore() != null ? event.memberCommissionBefore()
                : event.networkCommissionBefore();
        if (any == null) {
            throw new IllegalArgumentException("Conversion " + event.conversionId() + " has no amounts");
        }
        return Money.zero(any.currency());
    }

    private static String describe(MoneyChange event) {
        return "Conversion " + (event.fromStatus() == null ? "new" : event.fromStatus()) + " -> " + event.toStatus();
    }
}
