package io.linkledger.web;

import java.util.Locale;
import java.util.Map;

/**
 * How the console names a status, kind or type to people ("Awaiting your transfer", "Promo
 * code", "ShareASale") instead of the enum constant behind it. Every template writes them
 * through here, so a new status reads as a sentence-case word at least.
 */
public final class Statuses {

    /** Names whose sentence case would be wrong: brands, acronyms, and statuses that need more words. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("AWAITING_TRANSFER", "Awaiting your transfer"),
            Map.entry("UNKNOWN", "Outcome unknown"),
            Map.entry("HELD", "Held for review"),
            Map.entry("PARTIALLY_FAILED", "Partly failed"),
            Map.entry("PAYPAL", "PayPal"),
            Map.entry("SHAREASALE", "ShareASale"),
            Map.entry("POSTBACK", "Generic postback"),
            Map.entry("CPC", "CPC"),
            Map.entry("CPA", "CPA"),
            Map.entry("CPS", "CPS"),
            Map.entry("CPA_CPS", "CPA + CPS"),
            Map.entry("LINK", "Link tracking"),
            Map.entry("LINK_AND_CODE", "Link and code"),
            Map.entry("TOP_UP", "Top-up"),
            Map.entry("SHORTFALL", "Payment shortfall"),
            Map.entry("AVAILABLE", "Settled"));

    private Statuses() {
    }

    /** The status in words: {@code AWAITING_TRANSFER} → "Awaiting your transfer", {@code PENDING} → "Pending". */
    public static String label(Object status) {
        if (status == null) {
            return "—";
        }
        String name = status instanceof Enum<?> constant ? constant.name() : status.toString();
        String known = WORDS.get(name.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The status as a CSS class suffix ({@code awaiting-transfer}), for the badge colours. */
    public static String css(Object status) {
        String name = status instanceof Enum<?> constant ? constant.name() : String.valueOf(status);
        return name.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** "1 unique click", "2 unique clicks": the count with the noun in the right number. */
    public static String count(long count, String one, String many) {
        return String.format(Locale.US, "%,d", count) + " " + (count == 1 ? one : many);
    }
}
