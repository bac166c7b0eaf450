package io.linkledger.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Earnings per click as the console shows it, the same on every page: money to the cent
 * ("$4.00", "$12.35") from one unit of currency up; below that four decimals ("$0.2770"),
 * because there cents alone would show most offers as $0.00 or $0.01 and hide the differences.
 */
public final class Epc {

    private static final int SUB_CENT_DECIMALS = 4;

    private Epc() {
    }

    /** The EPC (a decimal string as reports give it) in the offer's currency; {@code none} without clicks. */
    public static String display(String epc, Currency currency, String none) {
        if (epc == null) {
            return none;
        }
        BigDecimal value = new BigDecimal(epc);
        int decimals = value.abs().compareTo(BigDecimal.ONE) >= 0
                ? Math.max(0, currency.getDefaultFractionDigits()) : SUB_CENT_DECIMALS;
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
