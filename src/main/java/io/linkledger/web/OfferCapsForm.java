package io.linkledger.web;

import java.util.Map;

import io.linkledger.offers.OfferCaps;
import io.linkledger.offers.OfferCapsService.CapsRequest;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/**
 * The caps part of the offer form, as typed: every field is text, so input comes back as typed.
 * Its field names are the caps request's, so a problem of the request marks the field it names.
 */
public record OfferCapsForm(String maxSaleAmount, String maxCommission, String maxConversionsPerClick,
        String maxConversionsPerVisitorPerDay, String pixelReviewAbove) {

    static final OfferCapsForm BLANK = new OfferCapsForm("", "", "", "", "");

    static final Map<String, String> LABELS = Map.of("maxSaleAmount", "Maximum sale amount",
            "maxCommission", "Maximum commission", "maxConversionsPerClick", "Conversions per click",
            "maxConversionsPerVisitorPerDay", "Conversions per visitor a day",
            "pixelReviewAbove", "Review pixel sales above");

    static OfferCapsForm of(OfferCaps caps) {
        return new OfferCapsForm(decimal(caps.maxSale()), decimal(caps.maxCommission()),
                number(caps.maxConversionsPerClick()), number(caps.maxConversionsPerVisitorPerDay()),
                decimal(caps.pixelReviewAbove()));
    }

    static OfferCapsForm from(Map<String, String> params) {
        return new OfferCapsForm(text(params, "maxSaleAmount"), text(params, "maxCommission"),
                text(params, "maxConversionsPerClick"), text(params, "maxConversionsPerVisitorPerDay"),
                text(params, "pixelReviewAbove"));
    }

    /** The caps request; a count that is not a whole number is an issue in {@code v}. */
    CapsRequest request(Validation v) {
        return new CapsRequest(maxSaleAmount, maxCommission, count(maxConversionsPerClick, "maxConversionsPerClick", v),
                count(maxConversionsPerVisitorPerDay, "maxConversionsPerVisitorPerDay", v), pixelReviewAbove);
    }

    private static Integer count(String text, String field, Validation v) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            v.add(field, "must be a whole number, or left empty for no cap");
            return null;
        }
    }

    private static String text(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null ? "" : value;
    }

    private static String decimal(Money money) {
        return money == null ? "" : money.toDecimalString();
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }
}
