package io.linkledger.ledger;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The money settings from {@code linkledger.money.*} (see docs/money.md). */
@Component
class LedgerSettings {

    private final Currency defaultCurrency;
    private final int settlementDelayBusinessDays;
    private final BigDecimal minimumPayout;
    private final BigDecimal feeFixed;
    private final BigDecimal feePercent;
    private final String payoutProvider;
    private final BigDecimal form1099Threshold;
    private final BigDecimal form1099ThresholdBefore2026;

    LedgerSettings(@Value("${linkledger.money.default-currency:USD}") String defaultCurrency,
            @Value("${linkledger.money.settlement-delay-business-days:3}") int settlementDelayBusinessDays,
            @Value("${linkledger.money.minimum-payout:0}") BigDecimal minimumPayout,
            @Value("${linkledger.money.payout-fee-fixed:0}") BigDecimal feeFixed,
            @Value("${linkledger.money.payout-fee-percent:0}") BigDecimal feePercent,
            @Value("${linkledger.money.payout-provider:auto}") String payoutProvider,
            @Value("${linkledger.money.form-1099-threshold:2000.00}") BigDecimal form1099Threshold,
            @Value("${linkledger.money.form-1099-threshold-before-2026:600.00}") BigDecimal before2026) {
        this.defaultCurrency = Currency.getInstance(defaultCurrency.trim().toUpperCase(Locale.ROOT));
        if (settlementDelayBusinessDays < 0) {
            throw new IllegalArgumentException("linkledger.money.settlement-delay-business-days must be >= 0");
        }
        this.settlementDelayBusinessDays = settlementDelayBusinessDays;
        this.minimumPayout = minimumPayout;
        this.feeFixed = feeFixed;
        this.feePercent = feePercent;
        this.payoutProvider = payoutProvider.trim().toLowerCase(Locale.ROOT);
        this.form1099Threshold = form1099Threshold;
        this.form1099ThresholdBefore2026 = before2026;
    }

    Currency defaultCurrency() {
        return defaultCurrency;
    }

    int settlementDelayBusinessDays() {
        return settlementDelayBusinessDays;
    }

    BigDecimal minimumPayout() {
        return minimumPayout;
    }

    BigDecimal feeFixed() {
        return feeFixed;
    }

    BigDecimal feePercent() {
        return feePercent;
    }

    /** {@code auto} (PayPal when its credentials are set, else manual), {@code manual} or {@code paypal}. */
    String payoutProvider() {
        return payoutProvider;
    }

    /** The 1099-NEC reporting threshold for payments made in {@code year}. */
    BigDecimal form1099Threshold(int year) {
        return year >= 2026 ? form1099Threshold : form1099ThresholdBefore2026;
    }
}
