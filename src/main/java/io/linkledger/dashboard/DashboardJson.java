package io.linkledger.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.linkledger.shared.Money;

/** {@code /d/{token}.json}: the dashboard's data; amounts as decimal strings in {@code currency}. */
record DashboardJson(String brandName, String offerName, String offerDescription, boolean offerLive,
        String memberFirstName, String promoCode, String trackingLink, String commission, String currency,
        Range range, Totals totals, Earnings earnings, List<Day> daily,
        List<Conversion> conversions, List<Payment> payments) {

    /** {@code timeZone}: the brand's, in which the days are counted. */
    record Range(String key, LocalDate from, LocalDate to, String timeZone) {
    }

    record Totals(long clicks, long uniqueClicks, long conversions, String sales, String commission) {
    }

    record Earnings(String pending, String approved, String paid) {
    }

    record Day(LocalDate date, long clicks, long uniqueClicks, long conversions, String sales, String commission) {
    }

    record Conversion(LocalDate date, String amount, String commission, String status) {
    }

    record Payment(LocalDate date, String amount, String status) {
    }

    static DashboardJson of(Dashboard d) {
        Range range = new Range(d.range().key(), d.from(), d.to(), d.timeZone());
        Dashboard.Figures f = d.figures();
        Dashboard.Totals t = f.totals();
        return new DashboardJson(d.brandName(), d.offerName(), d.offerDescription(), d.offerLive(),
                d.memberFirstName(), d.promoCode(), d.trackingLink(), d.commission(), d.currency().getCurrencyCode(),
                range,
                new Totals(t.clicks(), t.uniqueClicks(), t.conversions(), text(t.sales()), text(t.commission())),
                new Earnings(text(f.earnings().pending()), text(f.earnings().approved()), text(f.earnings().paid())),
                f.daily().stream().map(day -> new Day(day.day(), day.clicks(), day.uniqueClicks(), day.conversions(),
                        text(day.sales()), text(day.commission()))).toList(),
                f.conversions().stream().map(c -> new Conversion(c.date(), text(c.amount()), text(c.commission()),
                        c.status().name())).toList(),
                f.payments().stream().map(p -> new Payment(p.date(), text(p.amount()),
                        p.status().toUpperCase(Locale.ROOT))).toList());
    }

    private static String text(Money money) {
        return money.toDecimalString();
    }
}
