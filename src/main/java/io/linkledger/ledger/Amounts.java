package io.linkledger.ledger;

import java.util.Currency;
import java.util.Locale;

import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/** Reads amounts and currencies from requests, collecting problems instead of throwing. */
final class Amounts {

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

    /** A strictly positive amount, or null with the problem noted. */
    static Money positive(String amount, Currency currency, Validation v, String field) {
        if (Validation.isBlank(amount)) {
            v.add(field, "is required");
            return null;
        }
        try {
            Money money = Money.parse(amount, currency);
            if (money.minor() <= 0) {
                v.add(field, "must be greater than 0");
                return null;
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            v.add(field, e.getMessage() == null ? "is not a valid amount" : e.getMessage());
            return null;
        }
    }
}
