package io.linkledger.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.offers.Offer;

/** Reads members' links, codes and tiers in an offer for the console's tables, a page of members at a time. */
@Component
class OfferLinks {

    private final Assignments assignments;

    OfferLinks(Assignments assignments) {
        this.assignments = assignments;
    }

    /** The links of these members in the offer, by member id; members not in the offer are left out. */
    Map<UUID, MemberLinksView> of(Offer offer, List<UUID> memberIds) {
        Map<UUID, MemberLinksView> links = new HashMap<>();
        if (memberIds.isEmpty()) {
            return links;
        }
        for (Assignment a : assignments.forMembers(offer.brandId(), offer.id(), memberIds)) {
            links.put(a.memberId(), of(offer, a));
        }
        return links;
    }

    MemberLinksView of(Offer offer, Assignment a) {
        return MemberLinksView.of(offer, a, assignments.links(offer, a));
    }
}
