package io.linkledger.dashboard;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;

/** The offers a signed-in person belongs to, in every brand where their email is a member's. */
@Service
class PortalOffers {

    private final Members members;
    private final Assignments assignments;
    private final Offers offers;
    private final BrandSettingsService brands;
    private final Clock clock;

    PortalOffers(Members members, Assignments assignments, Offers offers, BrandSettingsService brands, Clock clock) {
        this.members = members;
        this.assignments = assignments;
        this.offers = offers;
        this.brands = brands;
        this.clock = clock;
    }

    List<PortalOffer> forEmail(String email) {
        List<UUID> memberIds = members.findByEmailAcrossBrands(email).stream().map(Member::id).toList();
        return assignments.findByMembers(memberIds).stream()
                .map(this::describe)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(PortalOffer::brandName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PortalOffer::offerName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private Optional<PortalOffer> describe(Assignment a) {
        BrandSettings brand = brands.get(a.brandId());
        return offers.find(a.offerId()).map(offer -> new PortalOffer(brand.name(),
                brand.logo() == null ? null : brand.logo().dataUrl(), offer.name(),
                offer.type().hasCode() ? a.promoCode() : null, isLive(offer),
                a.dashboardToken() == null ? null : "/d/" + a.dashboardToken()));
    }

    private boolean isLive(Offer offer) {
        return offer.isLive(clock.instant());
    }
}
