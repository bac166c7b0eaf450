package io.linkledger.brands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/**
 * Applies a change to a brand's stored settings with JSON merge-patch meaning: a field left out
 * stays, a field given as null (or blank) is cleared, back to the server's default where there is
 * one. Every problem is collected, so nothing is written unless all of the change is valid.
 */
final class BrandEdit {

    /** The settings a change may name, in the order people read them. */
    static final List<String> FIELDS = List.of("name", "logo", "senderName", "senderEmail", "replyToEmail", "website",
            "defaultCurrency", "timeZone", "payoutMethod", "minimumPayout");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal MAX_MINIMUM_PAYOUT = new BigDecimal("1000000");

    private BrandEdit() {
    }

    /** The stored settings after {@code changes} (field name to new text, null to clear). */
    static BrandSettings apply(BrandSettings stored, Map<String, String> changes, Instant now) {
        Validation v = new Validation();
        changes.keySet().stream().filter(field -> !FIELDS.contains(field)).sorted()
                .forEach(field -> v.add(field, "is not a brand setting; use " + String.join(", ", FIELDS)));
        String name = changes.containsKey("name") ? name(changes.get("name"), v) : stored.name();
        Logo logo = changes.containsKey("logo") ? logo(changes.get("logo"), v) : stored.logo();
        String senderName = changes.containsKey("senderName") ? senderName(changes.get("senderName"), v)
                : stored.senderName();
        String senderEmail = changes.containsKey("senderEmail") ? email("senderEmail", changes.get("senderEmail"), v)
                : stored.senderEmail();
        String replyTo = changes.containsKey("replyToEmail") ? email("replyToEmail", changes.get("replyToEmail"), v)
                : stored.replyToEmail();
        String website = changes.containsKey("website") ? website(changes.get("website"), v) : stored.website();
        Currency currency = changes.containsKey("defaultCurrency") ? currency(changes.get("defaultCurrency"), v)
                : stored.defaultCurrency();
        ZoneId zone = changes.containsKey("timeZone") ? zone(changes.get("timeZone"), v) : stored.timeZone();
        PayoutMethod method = changes.containsKey("payoutMethod") ? payoutMethod(changes.get("payoutMethod"), v)
                : stored.payoutMethod();
        BigDecimal minimum = changes.containsKey("minimumPayout") ? minimumPayout(changes.get("minimumPayout"), v)
                : stored.minimumPayout();
        v.throwIfInvalid();
        return new BrandSettings(stored.brandId(), name, logo, senderName, senderEmail, replyTo, website, currency, zone,
                method, minimum, now);
    }

    private static String name(String value, Validation v) {
        String name = trimmed(value);
        v.check(name != null && name.length() <= 200, "name", "is required, at most 200 characters");
        return name;
    }

    private static Logo logo(String value, Validation v) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            return Logo.parseDataUrl(text);
        } catch (IllegalArgumentException e) {
            v.add("logo", e.getMessage());
            return null;
        }
    }

    private static String senderName(String value, Validation v) {
        String name = trimmed(value);
        // A line break would let the name write further mail headers.
        v.check(name == null || name.length() <= 100 && name.chars().noneMatch(Character::isISOControl),
                "senderName", "must be at most 100 characters on one line");
        return name;
    }

    private static String email(String field, String value, Validation v) {
        String email = trimmed(value);
        v.check(email == null || email.length() <= 320 && EMAIL.matcher(email).matches(), field,
                "must be an email address such as partners@example.com");
        return email;
    }

    private static String website(String value, Validation v) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (text.length() <= 2000 && Set.of("http", "https").contains(scheme) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        v.add("website", "must be a web address starting with https://, e.g. https://www.example.com");
        return null;
    }

    private static Currency currency(String value, Validation v) {
        String code = trimmed(value);
        if (code == null) {
            return null;
        }
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            v.add("defaultCurrency", e.getMessage());
            return null;
        }
    }

    private static ZoneId zone(String value, Validation v) {
        String id = trimmed(value);
        if (id == null) {
            return null;
        }
        // Region names only: a fixed offset such as +02:00 would ignore summer time.
        if (ZoneId.getAvailableZoneIds().contains(id)) {
            return ZoneId.of(id);
        }
        v.add("timeZone", "'" + shortEcho(id) + "' is not a time zone; use a name such as Europe/Paris or America/New_York");
        return null;
    }

    private static PayoutMethod payoutMethod(String value, Validation v) {
        String name = trimmed(value);
        if (name == null) {
            return null;
        }
        try {
            return PayoutMethod.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("payoutMethod", "must be MANUAL or PAYPAL, or null for the server's default");
            return null;
        }
    }

    private static BigDecimal minimumPayout(String value, Validation v) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = Money.decimal(text);
            if (amount.signum() >= 0 && amount.compareTo(MAX_MINIMUM_PAYOUT) <= 0
                    && amount.stripTrailingZeros().scale() <= 2) {
                return amount.setScale(2, RoundingMode.UNNECESSARY);
            }
            v.add("minimumPayout", "must be an amount from 0 to 1000000 with at most 2 decimals, e.g. 25.00");
        } catch (IllegalArgumentException e) {
            v.add("minimumPayout", e.getMessage());
        }
        return null;
    }

    private static String trimmed(String value) {
        return Validation.isBlank(value) ? null : value.strip();
    }

    private static String shortEcho(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
