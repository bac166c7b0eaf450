package io.linkledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.linkledger.shared.Validation;

/**
 * The networks a remittance can come from, as a choice instead of free text (a typo would make
 * a network of its own): the affiliate networks brands commonly use, then "Other" with its name
 * typed in {@code networkOther}. The ledger stores the network's code, e.g. {@code SHAREASALE}.
 */
public final class RemittanceNetworks {

    static final String OTHER = "OTHER";

    /** Code → name; ShareASale first, as the default: expected remittances follow its pay days. */
    private static final List<Map.Entry<String, String>> KNOWN = List.of(
            Map.entry("SHAREASALE", "ShareASale"),
            Map.entry("AWIN", "Awin"),
            Map.entry("CJ", "CJ"),
            Map.entry("IMPACT", "Impact"),
            Map.entry("RAKUTEN", "Rakuten Advertising"),
            Map.entry("PARTNERIZE", "Partnerize"));

    private RemittanceNetworks() {
    }

    /** The select's options with {@code chosen} selected (ShareASale when none). */
    public static List<Choice> choices(String chosen) {
        String current = Validation.isBlank(chosen) ? KNOWN.getFirst().getKey() : chosen;
        List<Choice> choices = new ArrayList<>();
        KNOWN.forEach(network -> choices.add(new Choice(network.getKey(), network.getValue(),
                network.getKey().equals(current))));
        choices.add(new Choice(OTHER, "Other network", OTHER.equals(current)));
        return choices;
    }

    /**
     * The network the form names: a known one's code, or the other network's name typed in. An
     * "Other" without a name is refused next to that field.
     */
    static String of(String network, String other) {
        Validation v = new Validation();
        if (Validation.isBlank(network)) {
            return KNOWN.getFirst().getKey();
        }
        if (!OTHER.equals(network)) {
            v.check(KNOWN.stream().anyMatch(known -> known.getKey().equals(network)), "network",
                    "is not one of the choices");
            v.throwIfInvalid();
            return network;
        }
        v.check(!Validation.isBlank(other), "networkOther", "is required: name the network");
        v.throwIfInvalid();
        return other.trim().toUpperCase(Locale.ROOT);
    }

    /** The name people read for a stored network code: a known network's name, else the code in words. */
    public static String name(String code) {
        return KNOWN.stream().filter(network -> network.getKey().equals(code)).map(Map.Entry::getValue)
                .findFirst().orElse(Statuses.label(code));
    }
}
