package io.linkledger.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

import io.linkledger.shared.Money;

/** Money for people to read: "$1,234.50", "€12.00". Pages are in English, so US conventions. */
final class MoneyText {

    private MoneyText() {
    }

    static String format(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.toDecimal());
    }
}
