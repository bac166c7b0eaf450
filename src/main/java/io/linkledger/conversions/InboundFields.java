package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/**
 * Reads the values callers send the same way on every inbound channel: bounded in length, free
 * of control characters, ASCII where a number or id is meant, dated near the time of receipt, and
 * repeated in messages only briefly. Whatever cannot ever be stored or priced is a 400 here, never
 * a database error later.
 */
final class InboundFields {

    /** Order ids and external ids: what {@code conversions.order_id} holds. */
    static final int MAX_ID = 200;
    /** Click transaction ids: what {@code conversions.transaction_id} holds. */
    static final int MAX_TRANSACTION_ID = 64;
    /** Any other text a caller sends. */
    static final int MAX_TEXT = 500;
    /** An email address is at most 254 characters (RFC 5321 path limit). */
    static final int MAX_EMAIL = 254;
    /** Digits before the point of an inbound amount: below one trillion of the currency. */
    static final int MAX_AMOUNT_DIGITS = 12;
    /** A conversion is dated at most this long before it is received... */
    static final Duration EARLIEST = Duration.ofDays(730);
    /** ...and at most this long after (clocks and time zones disagree by hours, not days). */
    static final Duration LATEST = Duration.ofDays(1);

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_ECHO = 32;

    private InboundFields() {
    }

    /** The trimmed value, null when blank; an issue when longer than {@code max} or holding control characters. */
    static String text(String value, String field, int max, Validation v) {
        String text = PostbackParser.blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            v.add(field, "is longer than " + max + " characters");
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            v.add(field, echo(text) + " contains control characters");
            return null;
        }
        return text;
    }

    /** A non-negative amount below one trillion, read by {@link Money#decimal}; null when blank. */
    static BigDecimal amount(String value, String field, Validation v) {
        BigDecimal amount = signedAmount(value, field, v);
        if (amount != null && amount.signum() < 0) {
            v.add(field, "must not be negative");
            return null;
        }
        return amount;
    }

    /** An amount that may be negative (a refund's adjustment, a network's correction); null when blank. */
    static BigDecimal signedAmount(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = Money.decimal(value);
            if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_AMOUNT_DIGITS) {
                v.add(field, echo(value) + " is too large: amounts are below one trillion");
                return null;
            }
            return amount;
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage());
            return null;
        }
    }

    /** An ISO 4217 code money is paid in, in upper case; null when blank. */
    static String currency(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Money.currency(value).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage());
            return null;
        }
    }

    /** A UUID in its usual ASCII form; null when blank. */
    static UUID uuid(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!UUID_TEXT.matcher(value.strip()).matches()) {
            v.add(field, echo(value) + " is not an id");
            return null;
        }
        return UUID.fromString(value.strip());
    }

    /** {@code at}, when it lies within the window around the time of receipt; else an issue and null. */
    static Instant near(Instant at, Instant receivedAt, String field, Validation v) {
        String outside = at == null ? null : outsideWindow(at, receivedAt);
        if (outside != null) {
            v.add(field, outside);
            return null;
        }
        return at;
    }

    /** Why {@code at} is no date for a conversion received at {@code receivedAt}; null when it is one. */
    static String outsideWindow(Instant at, Instant receivedAt) {
        if (at.isBefore(receivedAt.minus(EARLIEST)) || at.isAfter(receivedAt.plus(LATEST))) {
            return at + ", outside the accepted window: from " + EARLIEST.toDays() + " days before receipt to "
                    + LATEST.toDays() + " day after";
        }
        return null;
    }

    /** The caller's text as a message repeats it: quoted, cut short, control characters shown as '?'. */
    static String echo(String text) {
        if (text == null) {
            return "''";
        }
        String cut = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
