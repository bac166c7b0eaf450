package io.linkledger.dashboard;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.linkledger.dashboard.PerformanceSource.ConversionLine;
import io.linkledger.dashboard.PerformanceSource.DailyFigures;
import io.linkledger.dashboard.PerformanceSource.Earnings;
import io.linkledger.dashboard.PerformanceSource.PaymentLine;
import io.linkledger.shared.Money;

/** Everything one member's dashboard for one offer shows. */
record Dashboard(String token, String brandName, String brandLogo, String timeZone, String offerName, String offerDescription, boolean offerLive,
        String memberFirstName, String promoCode, String trackingLink, String commission, Currency currency,
        ChartRange range, LocalDate from, LocalDate to, Figures figures) {

    /** {@code daily} has one entry per day of the range, zeros included. */
    record Figures(Totals totals, Earnings earnings, List<DailyFigures> daily, List<ConversionLine> conversions,
            List<PaymentLine> payments) {
    }

    /** Sums over the chosen range. */
    record Totals(long clicks, long uniqueClicks, long conversions, Money sales, Money commission) {
    }
}
