package io.linkledger.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.linkledger.shared.Money;

/** Ratios shown in reports, as decimal strings. */
final class Figures {

    private Figures() {
    }

    /** Money per click with two more decimals than the currency, e.g. "0.2770"; null without clicks. */
    static String perClick(Money money, long clicks) {
        if (clicks == 0) {
            return null;
        }
        BigDecimal amount = money.toDecimal();
        return amount.divide(BigDecimal.valueOf(clicks), amount.scale() + 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Conversions per 100 clicks with two decimals, e.g. "2.50"; null without clicks. */
    static String rate(long conversions, long clicks) {
        if (clicks == 0) {
            return null;
        }
        return BigDecimal.valueOf(conversions * 100).divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
