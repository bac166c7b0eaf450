package io.linkledger.web;

import java.util.List;

import io.linkledger.assignments.PayoutTerms;
import io.linkledger.offers.Offer;

/** An offer's payout tiers as the options of a select, each with what it pays: "Gold: 15% of each sale". */
final class TierChoices {

    private TierChoices() {
    }

    static List<Choice> of(Offer offer, String chosen) {
        return offer.payouts().stream()
                .map(rule -> new Choice(rule.id().toString(), rule.name() + ": "
                        + new PayoutTerms(rule.type(), rule.amount(), rule.percent()).describe(offer.conversionType())
                        + (rule.isDefault() ? " (default)" : ""), rule.id().toString().equals(chosen)))
                .toList();
    }
}
