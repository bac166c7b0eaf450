package io.linkledger.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in minor units (cents) of one currency. Never a double. */
public record Money(long minor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    /**
     * Parses a decimal amount such as {@code "12.50"}. Rejects more decimals than the
     * currency has rather than rounding money the caller did not ask to round.
     */
    public static Money parse(String decimal, Currency currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(decimal.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("'" + decimal + "' is not a decimal amount such as 12.50");
        }
        return of(value, currency);
    }

    public static Money of(BigDecimal value, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    value.toPlainString() + " has more than " + digits + " decimals for " + currency.getCurrencyCode());
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    /** The JSON form: a plain decimal string, e.g. {@code "12.50"}. */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    /** For people to read: "$1,234.50", "€12.00", "¥1,000". Pages are in English, so US conventions. */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(toDecimal());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /** The one place percentages of money are rounded: half-even, to the minor unit. */
    public Money percent(BigDecimal percent) {
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(percent).movePointLeft(2);
        return new Money(exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}
