package io.linkledger.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.linkledger.conversions.ConversionStats;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.ledger.Payments;
import io.linkledger.shared.Money;
import io.linkledger.tracking.ClickRollups;

/** The dashboard's figures, read through the public APIs of tracking, conversions and the ledger. */
@Component
class FeaturePerformance implements PerformanceSource {

    private final ClickRollups clicks;
    private final ConversionStats conversions;
    private final Payments payments;

    FeaturePerformance(ClickRollups clicks, ConversionStats conversions, Payments payments) {
        this.clicks = clicks;
        this.conversions = conversions;
        this.payments = payments;
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
                .map(line -> new ConversionLine(LocalDate.ofInstant(line.convertedAt(), ZoneOffset.UTC), line.sale(),
                        line.commission(), line.status()))
                .toList();
    }

    @Override
    public Earnings earnings(MemberOffer subject) {
        Map<ConversionStatus, Money> byStatus = conversions.commissionByStatus(subject.assignmentId(),
                subject.currency());
        return new Earnings(byStatus.get(ConversionStatus.PENDING), byStatus.get(ConversionStatus.APPROVED),
                byStatus.get(ConversionStatus.PAID));
    }

    @Override
    public List<PaymentLine> payments(MemberOffer subject, int limit) {
        return payments.forMember(subject.brandId(), subject.memberId()).stream()
                .filter(item -> item.paidAt() != null)
                .limit(limit)
                .map(item -> new PaymentLine(LocalDate.ofInstant(item.paidAt(), ZoneOffset.UTC), item.amount(),
                        item.status().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
