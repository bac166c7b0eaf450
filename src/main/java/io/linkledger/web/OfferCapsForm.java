package io.linkledger.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.linkledger.offers.OfferCaps;
import io.linkledger.offers.OfferCapsService.CapsRequest;
import io.linkledger.offers.QualityLayers;
import io.linkledger.offers.QualityLayers.Applied;
import io.linkledger.shared.Validation;

/**
 * The Fraud and quality fields of the offer form and of Settings, as typed: every field is text,
 * so input comes back as typed. Its field names are the caps request's, so a problem of the
 * request marks the field it names. {@code inherited} says, per field, what applies when it is
 * left empty (the brand's default on an offer, the server's in Settings).
 */
public record OfferCapsForm(Map<String, String> values, Map<String, String> inherited) {

    /** One field: its request name, label and hint, and whether it is an amount (else a whole number). */
    public record Field(String name, String label, String hint, boolean amount) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("maxSaleAmount", "Maximum sale amount", "A larger sale is held for review.", true),
            new Field("maxCommission", "Maximum commission", "A larger member commission is held for review.", true),
            new Field("pixelReviewAbove", "Review pixel sales above",
                    "Pixel conversions with a larger sale are held: the pixel is public.", true),
            new Field("minSecondsToConvert", "Seconds from click to conversion, at least",
                    "A quicker conversion is held: a person takes longer to buy. 0 turns this off.", false),
            new Field("maxConversionsPerClick", "Conversions per click", "Further conversions from one click are held.",
                    false),
            new Field("maxConversionsPerVisitor", "Conversions per visitor",
                    "Further conversions from one visitor within the window below are held.", false),
            new Field("visitorWindowMinutes", "Visitor window, in minutes",
                    "How close together a visitor's conversions count, before or after each other.", false),
            new Field("maxClicksPerVisitor", "Clicks per visitor a day",
                    "More clicks from one visitor on one member's link are flagged as spam: still counted, "
                            + "but not as unique clicks and not paid per click.", false));

    static final Map<String, String> LABELS = FIELDS.stream().collect(Collectors.toMap(Field::name, Field::label));

    /** The limits set at this level, with what the level below gives where nothing is set. */
    static OfferCapsForm of(OfferCaps set, QualityLayers below) {
        Map<String, String> values = new LinkedHashMap<>();
        set.byName().forEach((name, value) -> values.put(name, value == null ? "" : value.toString()));
        return new OfferCapsForm(values, inherited(below));
    }

    /** The fields as posted, with what the level below gives where nothing is set. */
    static OfferCapsForm from(Map<String, String> params, QualityLayers below) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f.name(), params.getOrDefault(f.name(), "")));
        return new OfferCapsForm(values, inherited(below));
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** "Brand default: 500.00", "Server default: 10", "Empty: no limit": shown under the field. */
    public String inherited(String field) {
        return inherited.get(field);
    }

    /** The caps request; a count that is not a whole number is an issue in {@code v}. */
    CapsRequest request(Validation v) {
        return new CapsRequest(value("maxSaleAmount"), value("maxCommission"), count("maxConversionsPerClick", v),
                count("maxConversionsPerVisitor", v), count("visitorWindowMinutes", v), value("pixelReviewAbove"),
                count("minSecondsToConvert", v), count("maxClicksPerVisitor", v));
    }

    private static Map<String, String> inherited(QualityLayers below) {
        Map<String, String> texts = new LinkedHashMap<>();
        below.applied().forEach((name, applied) -> texts.put(name, text(applied)));
        return texts;
    }

    private static String text(Applied applied) {
        if (applied.value() == null) {
            return "Empty: no limit";
        }
        return (applied.from() == QualityLayers.Source.SERVER ? "Server" : "Brand") + " default: " + applied.value();
    }

    private Integer count(String field, Validation v) {
        String text = value(field);
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            v.add(field, "must be a whole number, or left empty to inherit");
            return null;
        }
    }
}
