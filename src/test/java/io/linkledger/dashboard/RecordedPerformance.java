package io.linkledger.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Money;

/**
 * A {@link PerformanceSource} over clicks, conversions and payments that tests record, with
 * the same aggregation rules the port documents (bots excluded, reversed conversions left out
 * of totals, newest first). Each test uses its own brand, so recordings never mix.
 */
class RecordedPerformance implements PerformanceSource {

    record Click(UUID assignmentId, LocalDate day, boolean unique, boolean bot) {
    }

    record Conversion(UUID assignmentId, LocalDate day, Money amount, Money commission, ConversionStatus status) {
    }

    record Payment(UUID brandId, UUID memberId, LocalDate day, Money amount, String status) {
    }

    private final List<Click> clicks = new CopyOnWriteArrayList<>();
    private final List<Conversion> conversions = new CopyOnWriteArrayList<>();
    private final List<Payment> payments = new CopyOnWriteArrayList<>();

    void click(UUID assignmentId, LocalDate day, boolean unique, boolean bot) {
        clicks.add(new Click(assignmentId, day, unique, bot));
    }

    void conversion(UUID assignmentId, LocalDate day, Money amount, Money commission, ConversionStatus status) {
        conversions.add(new Conversion(assignmentId, day, amount, commission, status));
    }

    void payment(UUID brandId, UUID memberId, LocalDate day, Money amount, String status) {
        payments.add(new Payment(brandId, memberId, day, amount, status));
    }

    @Override
    public List<DailyFigures> daily(MemberOffer subject, LocalDate from, LocalDate to) {
        Money zero = Money.zero(subject.currency());
        Map<LocalDate, DailyFigures> days = new TreeMap<>();
        for (Click c : clicks) {
            if (c.assignmentId().equals(subject.assignmentId()) && !c.bot() && inRange(c.day(), from, to)) {
                DailyFigures d = days.getOrDefault(c.day(), new DailyFigures(c.day(), 0, 0, 0, zero, zero));
                days.put(c.day(), new DailyFigures(c.day(), d.clicks() + 1, d.uniqueClicks() + (c.unique() ? 1 : 0),
                        d.conversions(), d.sales(), d.commission()));
            }
        }
        for (Conversion c : conversions) {
            if (c.assignmentId().equals(subject.assignmentId()) && c.status() != ConversionStatus.REVERSED
                    && inRange(c.day(), from, to)) {
                DailyFigures d = days.getOrDefault(c.day(), new DailyFigures(c.day(), 0, 0, 0, zero, zero));
                days.put(c.day(), new DailyFigures(c.day(), d.clicks(), d.uniqueClicks(), d.conversions() + 1,
                        d.sales().plus(c.amount()), d.commission().plus(c.commission())));
            }
        }
        return List.copyOf(days.values());
    }

    @Override
    public List<ConversionLine> recentConversions(MemberOffer subject, int limit) {
        return conversions.stream()
                .filter(c -> c.assignmentId().equals(subject.assignmentId()))
                .sorted(Comparator.comparing(Conversion::day).reversed())
                .limit(limit)
                .map(c -> new ConversionLine(c.day(), c.amount(), c.commission(), c.status()))
                .toList();
    }

    @Override
    public Earnings earnings(MemberOffer subject) {
        Money zero = Money.zero(subject.currency());
        return new Earnings(sum(subject, ConversionStatus.PENDING, zero), sum(subject, ConversionStatus.APPROVED, zero),
                sum(subject, ConversionStatus.PAID, zero));
    }

    @Override
    public List<PaymentLine> payments(MemberOffer subject, int limit) {
        return payments.stream()
                .filter(p -> p.brandId().equals(subject.brandId()) && p.memberId().equals(subject.memberId()))
                .sorted(Comparator.comparing(Payment::day).reversed())
                .limit(limit)
                .map(p -> new PaymentLine(p.day(), p.amount(), p.status()))
                .toList();
    }

    private Money sum(MemberOffer subject, ConversionStatus status, Money zero) {
        return conversions.stream()
                .filter(c -> c.assignmentId().equals(subject.assignmentId()) && c.status() == status)
                .map(Conversion::commission)
                .reduce(zero, Money::plus);
    }

    private static boolean inRange(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        RecordedPerformance recordedPerformance() {
            return new RecordedPerformance();
        }
    }
}
