package io.linkledger.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.conversions.ConversionStats;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.ledger.Payments;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.tracking.ClickRollups;

/** The dashboard's figures, read through the public APIs of tracking, conversions and the ledger. */
@Component
class FeaturePerformance implements PerformanceSource {

    private final ClickRollups clicks;
    private final ConversionStats conversions;
    private final Payments payments;
    private final Assignments assignments;
    private final Offers offers;

    FeaturePerformance(ClickRollups clicks, ConversionStats conversions, Payments payments, Assignments assignments,
            Offers offers) {
        this.clicks = clicks;
        this.conversions = conversions;
        this.payments = payments;
        this.assignments = assignments;
        this.offers = offers;
    }

    @Override
    public List<DailyFigures> daily(MemberOffer subject, LocalDate from, LocalDate to) {
        Map<LocalDate, DailyFigures> days = new TreeMap<>();
        Money zero = Money.zero(subject.currency());
        for (ClickRollups.Day day : clicks.linkDays(subject.assignmentId(), from, to)) {
            days.put(day.day(), new DailyFigures(day.day(), day.clicks(), day.uniqueClicks(), 0, zero, zero));
        }
        for (ConversionStats.DayStats day : conversions.assignmentDays(subject.assignmentId(), from, to,
                subject.currency())) {
            DailyFigures was = days.getOrDefault(day.day(), new DailyFigures(day.day(), 0, 0, 0, zero, zero));
            days.put(day.day(), new DailyFigures(day.day(), was.clicks(), was.uniqueClicks(), day.conversions(),
                    day.sales(), day.commission()));
        }
        return new ArrayList<>(days.values());
    }

    @Override
    public List<ConversionLine> recentConversions(MemberOffer subject, int limit) {
        return conversions.latestForAssignment(subject.assignmentId(), limit).stream()
                .map(line -> new ConversionLine(LocalDate.ofInstant(line.convertedAt(), subject.zone()), line.sale(),
                        line.commission(), line.status()))
                .toList();
    }

    /**
     * Pending from the offer's conversions; approved and paid from what the ledger paid the
     * member, shared among the member's offers in this currency ({@link PaidShare}): approved is
     * what the offer earned and is not paid yet.
     */
    @Override
    public Earnings earnings(MemberOffer subject) {
        List<Assignment> offers = assignments.findByMembers(List.of(subject.memberId())).stream()
                .filter(a -> a.brandId().equals(subject.brandId()))
                .filter(a -> a.id().equals(subject.assignmentId()) || this.offers.find(a.offerId())
                        .map(o -> o.currency().equals(subject.currency())).orElse(false))
                .sorted(Comparator.comparing(Assignment::createdAt).thenComparing(Assignment::id))
                .toList();
        long[] earned = new long[offers.size()];
        long[] marked = new long[offers.size()];
        Money pending = Money.zero(subject.currency());
        int mine = 0;
        for (int i = 0; i < offers.size(); i++) {
            Map<ConversionStatus, Money> byStatus = conversions.commissionByStatus(offers.get(i).id(),
                    subject.currency());
            marked[i] = byStatus.get(ConversionStatus.PAID).minor();
            earned[i] = Math.addExact(byStatus.get(ConversionStatus.APPROVED).minor(), marked[i]);
            if (offers.get(i).id().equals(subject.assignmentId())) {
                mine = i;
                pending = byStatus.get(ConversionStatus.PENDING);
            }
        }
        long paid = PaidShare.allocate(earned, marked,
                payments.paidTo(subject.brandId(), subject.memberId(), subject.currency()).minor())[mine];
        return new Earnings(pending, new Money(Math.subtractExact(earned[mine], paid), subject.currency()),
                new Money(paid, subject.currency()));
    }

    @Override
    public List<PaymentLine> payments(MemberOffer subject, int limit) {
        return payments.forMember(subject.brandId(), subject.memberId()).stream()
                .filter(item -> item.paidAt() != null)
                .limit(limit)
                .map(item -> new PaymentLine(LocalDate.ofInstant(item.paidAt(), subject.zone()), item.amount(),
                        item.status().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
