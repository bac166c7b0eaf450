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

/**
 * An offer's quality limits: beyond them a conversion is held for review, a click flagged as spam.
 * A limit the offer leaves out is the brand's default ({@code /api/v1/brand/quality}).
 */
@RestController
@RequestMapping("/api/v1/offers/{id}/caps")
class OfferCapsController {

    private final OfferCapsService caps;
    private final Offers offers;

    OfferCapsController(OfferCapsService caps, Offers offers) {
        this.caps = caps;
        this.offers = offers;
    }

    @GetMapping
    CapsResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Offer offer = offers.get(caller.brandId(), id);
        return CapsResponse.of(caps.caps(offer), offer.currency(), caps.layers(offer));
    }

    @PutMapping
    CapsResponse put(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody CapsRequest request) {
        Offer offer = offers.get(caller.brandId(), id);
        return CapsResponse.of(caps.replace(caller.brandId(), id, request), offer.currency(), caps.layers(offer));
    }
}
