package io.linkledger.offers;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.OfferCapsService.CapsRequest;
import io.linkledger.shared.Money;

/** An offer's caps: beyond them a conversion is held for review. */
@RestController
@RequestMapping("/api/v1/offers/{id}/caps")
class OfferCapsController {

    private final OfferCapsService caps;
    private final Offers offers;

    OfferCapsController(OfferCapsService caps, Offers offers) {
        this.caps = caps;
        this.offers = offers;
    }

    record CapsResponse(String maxSaleAmount, String maxCommission, Integer maxConversionsPerClick,
            Integer maxConversionsPerVisitorPerDay, String pixelReviewAbove, String currency) {
    }

    @GetMapping
    CapsResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Offer offer = offers.get(caller.brandId(), id);
        return response(caps.caps(offer), offer);
    }

    @PutMapping
    CapsResponse put(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody CapsRequest request) {
        Offer offer = offers.get(caller.brandId(), id);
        return response(caps.replace(caller.brandId(), id, request), offer);
    }

    private static CapsResponse response(OfferCaps c, Offer offer) {
        return new CapsResponse(decimal(c.maxSale()), decimal(c.maxCommission()), c.maxConversionsPerClick(),
                c.maxConversionsPerVisitorPerDay(), decimal(c.pixelReviewAbove()), offer.currency().getCurrencyCode());
    }

    private static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }
}
