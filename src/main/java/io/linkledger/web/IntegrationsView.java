package io.linkledger.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.conversions.IntegrationType;
import io.linkledger.offers.Offer;

/** The Integrations list, and the words every integration screen uses for kinds, outcomes and times. */
public record IntegrationsView(List<Row> rows) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** One integration with the names of the offers it feeds. */
    public record Row(IntegrationSetup.Summary integration, List<String> offers) {
    }

    /** An offer to tick as fed by an integration. */
    public record OfferChoice(UUID id, String name, boolean checked) {
    }

    IntegrationsView(List<IntegrationSetup.Summary> integrations, List<Offer> offers) {
        this(integrations.stream().map(i -> new Row(i, offers.stream().filter(o -> i.feeds(o.id()))
                .map(Offer::name).toList())).toList());
    }

    static List<OfferChoice> choices(List<Offer> offers, Collection<UUID> checked) {
        return offers.stream().map(o -> new OfferChoice(o.id(), o.name(), checked.contains(o.id()))).toList();
    }

    public static String typeLabel(IntegrationType type) {
        return switch (type) {
            case SHAREASALE -> "ShareASale";
            case POSTBACK -> "Generic postback";
            case SHOPIFY -> "Shopify";
            case PIXEL -> "Browser pixel";
        };
    }

    /** What became of a delivery, in words. */
    public static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "ACCEPTED" -> "Credited";
            case "DUPLICATE" -> "Repeat, already credited";
            case "IGNORED" -> "Received, not credited";
            case "REJECTED" -> "Refused";
            case "FAILED" -> "Failed, can be replayed";
            default -> "Being processed";
        };
    }

    /** The badge class of an outcome, e.g. {@code outcome-accepted}. */
    public static String outcomeClass(String outcome) {
        return "badge outcome-" + outcome.toLowerCase(Locale.ROOT);
    }

    /** A time as people read it, e.g. "26 Nov 2026, 14:05 UTC". */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
