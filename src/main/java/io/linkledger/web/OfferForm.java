package io.linkledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferRequest;
import io.linkledger.offers.OfferRequest.PayoutRequest;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.OfferType;
import io.linkledger.offers.PayoutRule;
import io.linkledger.offers.PayoutType;
import io.linkledger.offers.TrackingProtocol;
import io.linkledger.shared.Validation;

/**
 * The Add/Edit Offer form exactly as the user typed it (all strings), so a rejected form comes
 * back with the input kept. Turns into an {@link OfferRequest}; field names of the request's
 * problems ({@code payouts[0].percent}) are mapped back to the form's tier rows by {@link #field}.
 */
public record OfferForm(String name, String description, String type, String conversionType, String currency,
        String trackingProtocol, String destinationUrl, String fallbackUrl, String allowedDeepLinkHosts,
        String startsOn, String endsOn, String status, String attributionWindowDays, List<Tier> tiers,
        int defaultTier) {

    /** One payout option row. */
    public record Tier(String name, String type, String amount, String percent) {

        static final Tier BLANK = new Tier("", "", "", "");

        boolean isBlank() {
            return name.isBlank() && type.isBlank() && amount.isBlank() && percent.isBlank();
        }
    }

    static final int MIN_TIER_ROWS = 2;
    private static final Pattern TIER_FIELD = Pattern.compile("payouts\\[(\\d+)]\\.(\\w+)");
    private static final Pattern TIER_PARAM = Pattern.compile("tiers\\[(\\d+)]\\.(name|type|amount|percent)");
    private static final int MAX_TIER_ROWS = 20;

    /** A new offer of this kind in the brand's default currency, with the default protocol for the kind and a tier row. */
    static OfferForm blank(OfferType type, String currency) {
        TrackingProtocol protocol = type.hasLink() ? TrackingProtocol.SERVER_POSTBACK_TRANSACTION_ID
                : TrackingProtocol.SHOP_WEBHOOK;
        return new OfferForm("", "", type.name(), ConversionType.SALE.name(), currency, protocol.name(), "", "", "", "",
                "", OfferStatus.ACTIVE.name(), "30", withRows(List.of(new Tier("Default", "", "", ""))), 0);
    }

    static OfferForm of(Offer offer) {
        List<Tier> tiers = new ArrayList<>();
        int defaultTier = 0;
        for (PayoutRule rule : offer.payouts()) {
            if (rule.isDefault()) {
                defaultTier = tiers.size();
            }
            tiers.add(new Tier(rule.name(), rule.type().name(),
                    rule.amount() == null ? "" : rule.amount().toDecimalString(),
                    rule.percent() == null ? "" : rule.percent().stripTrailingZeros().toPlainString()));
        }
        return new OfferForm(offer.name(), text(offer.description()), offer.type().name(),
                offer.conversionType().name(), offer.currency().getCurrencyCode(), offer.trackingProtocol().name(),
                text(offer.destinationUrl()), text(offer.fallbackUrl()), String.join("\n", offer.deepLinkHosts()),
                date(offer.startsAt()), date(offer.endsAt()), offer.status().name(),
                Integer.toString(offer.attributionWindowDays()), withRows(tiers), defaultTier);
    }

    /** Reads the posted form fields; tier rows come as {@code tiers[i].name} etc. */
    static OfferForm from(Map<String, String> params) {
        Map<Integer, String[]> rows = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            Matcher m = TIER_PARAM.matcher(e.getKey());
            if (m.matches() && m.group(1).length() < 3 && Integer.parseInt(m.group(1)) < MAX_TIER_ROWS) {
                String[] row = rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[] {"", "", "", ""});
                int column = switch (m.group(2)) {
                    case "name" -> 0;
                    case "type" -> 1;
                    case "amount" -> 2;
                    default -> 3;
                };
                row[column] = text(e.getValue());
            }
        }
        List<Tier> tiers = new ArrayList<>();
        int last = rows.isEmpty() ? -1 : ((java.util.TreeMap<Integer, String[]>) rows).lastKey();
        for (int i = 0; i <= last; i++) {
            String[] row = rows.getOrDefault(i, new String[] {"", "", "", ""});
            tiers.add(new Tier(row[0], row[1], row[2], row[3]));
        }
        int defaultTier;
        try {
            defaultTier = Integer.parseInt(text(params.get("defaultTier")).trim());
        } catch (NumberFormatException e) {
            defaultTier = 0;
        }
        return new OfferForm(text(params.get("name")), text(params.get("description")), text(params.get("type")),
                text(params.get("conversionType")), text(params.get("currency")),
                text(params.get("trackingProtocol")), text(params.get("destinationUrl")),
                text(params.get("fallbackUrl")), text(params.get("allowedDeepLinkHosts")),
                text(params.get("startsOn")), text(params.get("endsOn")), text(params.get("status")),
                text(params.get("attributionWindowDays")), withRows(tiers), defaultTier);
    }

    /**
     * The offers API request this form asks for; blank tier rows are left out. What the form
     * itself gets wrong (a date that is not a date, a number that is not one) is noted in {@code v}.
     */
    OfferRequest request(Validation v) {
        List<PayoutRequest> payouts = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (!tier.isBlank()) {
                PayoutType payoutType = enumValue(PayoutType.class, tier.type(), "tiers[" + i + "].type", v);
                payouts.add(new PayoutRequest(blankToNull(tier.name()), payoutType, blankToNull(tier.amount()),
                        blankToNull(tier.percent()), i == defaultTier));
            }
        }
        Integer window = null;
        if (!attributionWindowDays.isBlank()) {
            try {
                window = Integer.valueOf(attributionWindowDays.trim());
            } catch (NumberFormatException e) {
                v.add("attributionWindowDays", "'" + attributionWindowDays + "' is not a whole number of days");
            }
        }
        return new OfferRequest(name, description, enumValue(OfferType.class, type, "type", v),
                enumValue(ConversionType.class, conversionType, "conversionType", v), blankToNull(currency),
                enumValue(TrackingProtocol.class, trackingProtocol, "trackingProtocol", v), destinationUrl,
                fallbackUrl, hosts(allowedDeepLinkHosts), instant(startsOn, "startsAt", v),
                instant(endsOn, "endsAt", v), enumValue(OfferStatus.class, status, "status", v), window, payouts);
    }

    /**
     * This form's name for a field of the request: {@code payouts[1].amount} is the tier row the
     * request's second payout came from (blank rows are not sent), {@code payouts[1]} the tiers as a whole.
     */
    String field(String requestField) {
        Matcher m = TIER_FIELD.matcher(requestField);
        if (m.matches()) {
            List<Integer> sent = IntStream.range(0, tiers.size()).filter(i -> !tiers.get(i).isBlank()).boxed()
                    .toList();
            int index = Integer.parseInt(m.group(1));
            return "tiers[" + (index < sent.size() ? sent.get(index) : index) + "]." + m.group(2);
        }
        return requestField.matches("payouts\\[\\d+]") ? "payouts" : requestField;
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("description", "Description"), Map.entry("type", "Kind"),
            Map.entry("conversionType", "Conversion type"), Map.entry("currency", "Currency"),
            Map.entry("trackingProtocol", "Tracking protocol"), Map.entry("destinationUrl", "Destination URL"),
            Map.entry("fallbackUrl", "Fallback URL"), Map.entry("allowedDeepLinkHosts", "Allowed deep-link hosts"),
            Map.entry("startsAt", "Starts on"), Map.entry("endsAt", "Ends on"), Map.entry("status", "Status"),
            Map.entry("attributionWindowDays", "Attribution window"), Map.entry("payouts", "Payout options"));
    private static final Pattern TIER_KEY = Pattern.compile("tiers\\[(\\d+)]\\.(\\w+)");

    /** How the error summary names a field, e.g. "Tier 2 percent" for {@code tiers[1].percent}. */
    public static String label(String field) {
        Matcher m = TIER_KEY.matcher(field);
        if (m.matches()) {
            return "Tier " + (Integer.parseInt(m.group(1)) + 1) + " " + m.group(2);
        }
        return LABELS.getOrDefault(field, OfferCapsForm.LABELS.getOrDefault(field, field));
    }

    /** The id of the input an error belongs to, for the summary's links. */
    public static String anchor(String field) {
        Matcher m = TIER_KEY.matcher(field);
        if (m.matches()) {
            return "tiers-" + m.group(1) + "-" + m.group(2);
        }
        return switch (field) {
            case "startsAt" -> "startsOn";
            case "endsAt" -> "endsOn";
            case "trackingProtocol" -> "protocol-label";
            case "payouts" -> "payouts-error";
            default -> field;
        };
    }

    /** Extra empty rows so a user can add a tier without scripts: at least two rows, one spare. */
    private static List<Tier> withRows(List<Tier> tiers) {
        List<Tier> rows = new ArrayList<>(tiers);
        while (rows.size() < MIN_TIER_ROWS || !rows.getLast().isBlank() && rows.size() < MAX_TIER_ROWS) {
            rows.add(Tier.BLANK);
        }
        return List.copyOf(rows);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Instant instant(String day, String field, Validation v) {
        if (day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            v.add(field, "'" + day + "' is not a date such as 2026-12-01");
            return null;
        }
    }

    private static List<String> hosts(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private static String date(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
