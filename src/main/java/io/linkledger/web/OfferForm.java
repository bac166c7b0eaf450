package io.linkledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferRequest;
import io.linkledger.offers.OfferRequest.PayoutRequest;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.OfferType;
import io.linkledger.offers.PayoutRule;
import io.linkledger.offers.PayoutType;
import io.linkledger.offers.TrackingProtocol;
import io.linkledger.shared.ProblemException;

/**
 * The Add/Edit Offer form exactly as the user typed it (all strings), so a rejected form comes
 * back with the input kept. Turns into an {@link OfferRequest}; field names of the request's
 * problems ({@code payouts[0].percent}) are mapped back to the form's tier rows.
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

    /** The request, or the problems with the form itself (a date that is not a date, a number that is not one). */
    public record Parsed(OfferRequest request, Map<String, List<String>> errors, List<Integer> tierRows) {
    }

    static final int MIN_TIER_ROWS = 2;
    private static final Pattern TIER_FIELD = Pattern.compile("payouts\\[(\\d+)]\\.(\\w+)");
    private static final Pattern TIER_PARAM = Pattern.compile("tiers\\[(\\d+)]\\.(name|type|amount|percent)");
    private static final int MAX_TIER_ROWS = 20;

    /** A new offer of this kind, with the default protocol for the kind and two empty tier rows. */
    static OfferForm blank(OfferType type) {
        TrackingProtocol protocol = type.hasLink() ? TrackingProtocol.SERVER_POSTBACK_TRANSACTION_ID
                : TrackingProtocol.SHOP_WEBHOOK;
        return new OfferForm("", "", type.name(), ConversionType.SALE.name(), "USD", protocol.name(), "", "", "", "",
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

    /** The offers API request this form asks for; blank tier rows are left out. */
    Parsed parse() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<PayoutRequest> payouts = new ArrayList<>();
        List<Integer> tierRows = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.isBlank()) {
                continue;
            }
            PayoutType payoutType = enumValue(PayoutType.class, tier.type(), "tiers[" + i + "].type", errors);
            payouts.add(new PayoutRequest(blankToNull(tier.name()), payoutType, blankToNull(tier.amount()),
                    blankToNull(tier.percent()), i == defaultTier));
            tierRows.add(i);
        }
        Integer window = null;
        if (!attributionWindowDays.isBlank()) {
            try {
                window = Integer.valueOf(attributionWindowDays.trim());
            } catch (NumberFormatException e) {
                add(errors, "attributionWindowDays", "'" + attributionWindowDays + "' is not a whole number of days");
            }
        }
        OfferRequest request = new OfferRequest(name, description,
                enumValue(OfferType.class, type, "type", errors),
                enumValue(ConversionType.class, conversionType, "conversionType", errors), blankToNull(currency),
                enumValue(TrackingProtocol.class, trackingProtocol, "trackingProtocol", errors), destinationUrl,
                fallbackUrl, hosts(allowedDeepLinkHosts), instant(startsOn, "startsAt", errors),
                instant(endsOn, "endsAt", errors), enumValue(OfferStatus.class, status, "status", errors), window,
                payouts);
        return new Parsed(request, errors, List.copyOf(tierRows));
    }

    /** The service's problems keyed by this form's field names ({@code payouts[1].amount} → the row it came from). */
    static Map<String, List<String>> errors(ProblemException problem, List<Integer> tierRows) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (var issue : problem.fieldIssues()) {
            Matcher m = TIER_FIELD.matcher(issue.field());
            String field = issue.field();
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                int row = index < tierRows.size() ? tierRows.get(index) : index;
                field = "tiers[" + row + "]." + m.group(2);
            } else if (issue.field().matches("payouts\\[\\d+]")) {
                field = "payouts";
            }
            add(errors, field, issue.message());
        }
        if (errors.isEmpty()) {
            add(errors, "form", problem.getMessage());
        }
        return errors;
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
        return LABELS.getOrDefault(field, field);
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

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field,
            Map<String, List<String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(errors, field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Instant instant(String day, String field, Map<String, List<String>> errors) {
        if (day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            add(errors, field, "'" + day + "' is not a date such as 2026-12-01");
            return null;
        }
    }

    private static List<String> hosts(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
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
