package io.linkledger.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in minor units (cents) of one currency. Never a double. */
public record Money(long minor, Currency currency) {

    /**
     * A plain decimal in ASCII digits: an optional sign, digits and an optional fraction. No
     * exponent, so the text bounds the number: nothing a caller sends is ever expanded.
     */
    private static final Pattern PLAIN = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final int MAX_TEXT = 64;
    /** Digits before the point: 10^15 of a currency with three decimals still fits a {@code long} of minor units. */
    private static final int MAX_INTEGER_DIGITS = 15;
    /** Characters of a caller's text repeated in a message. */
    private static final int MAX_ECHO = 32;

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
        return of(decimal(decimal), currency);
    }

    /**
     * The decimal a caller wrote, before its currency is known: ASCII digits with an optional
     * sign and point, at most 64 characters and 15 digits before the point. Exponents
     * ({@code 1e-2147483647}), other scripts' digits ({@code ١٢}) and grouping are refused, with a
     * message that repeats at most a few characters of the text. Every amount read from outside
     * goes through here.
     */
    public static BigDecimal decimal(String text) {
        String trimmed = text == null ? null : text.strip();
        if (trimmed == null || trimmed.length() > MAX_TEXT || !PLAIN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(echo(text) + " is not a decimal amount such as 12.50");
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (integerDigits(value) > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(echo(text) + " is too large: at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        return value;
    }

    public static Money of(BigDecimal value, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        // Checked on precision and scale, which cost nothing, before anything expands the number.
        if (integerDigits(value) > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(echo(value.toString()) + " is too large for an amount");
        }
        if (value.scale() > digits && value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(echo(value.toString()) + " has more than " + digits + " decimals for "
                    + currency.getCurrencyCode());
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    /**
     * The currency of an ISO 4217 code (any case): one money is paid in, so not "no currency"
     * (XXX), the test code (XTS), precious metals or fund units, which have no minor unit.
     */
    public static Currency currency(String code) {
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.length() == 3 && trimmed.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
            try {
                Currency currency = Currency.getInstance(trimmed.toUpperCase(Locale.ROOT));
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException e) {
                // not an ISO 4217 code: refused below
            }
        }
        throw new IllegalArgumentException(echo(code) + " is not an ISO 4217 currency such as USD");
    }

    private static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : (long) value.precision() - value.scale();
    }

    /** The caller's text as a message repeats it: quoted, cut short, control characters shown as '?'. */
    private static String echo(String text) {
        if (text == null) {
            return "'null'";
        }
        String cut = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
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
