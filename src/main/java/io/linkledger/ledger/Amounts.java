package io.linkledger.ledger;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/**
 * Reads amounts and currencies from requests, collecting problems instead of throwing. Every
 * amount that enters the ledger is at most {@link #MAXIMUM} in its currency, so sums of them
 * stay far inside what a {@code bigint} of minor units holds.
 */
final class Amounts {

    /** The largest amount one request may carry: 1,000,000,000.00 in any currency. */
    static final BigDecimal MAXIMUM = new BigDecimal("1000000000");

    private Amounts() {
    }

    static Currency currency(String code, Currency fallback, Validation v, String field) {
        if (Validation.isBlank(code)) {
            return fallback;
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, "'" + code + "' is not an ISO 4217 currency code");
            return fallback;
        }
    }

    /** A strictly positive amount of at most {@link #MAXIMUM}, or null with the problem noted. */
    static Money positive(String amount, Currency currency, Validation v, String field) {
        if (Validation.isBlank(amount)) {
            v.add(field, "is required");
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            v.add(field, "'" + amount + "' is not a decimal amount such as 12.50");
            return null;
        }
        if (value.signum() <= 0) {
            v.add(field, "must be greater than 0");
            return null;
        }
        if (value.compareTo(MAXIMUM) > 0) {
            v.add(field, "must be at most 1000000000.00, the largest amount Linkledger takes");
            return null;
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            v.add(field, e.getMessage() == null ? "is not a valid amount" : e.getMessage());
            return null;
        }
    }
}
