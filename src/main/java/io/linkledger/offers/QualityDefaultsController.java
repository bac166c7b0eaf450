package io.linkledger.offers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.OfferCapsService.CapsRequest;

/**
 * The brand's default quality limits, which every offer has unless it sets its own: the same
 * fields as an offer's caps, replaced as a whole like them.
 */
@RestController
@RequestMapping("/api/v1/brand/quality")
class QualityDefaultsController {

    private final OfferCapsService caps;

    QualityDefaultsController(OfferCapsService caps) {
        this.caps = caps;
    }

    @GetMapping
    CapsResponse get(@AuthenticationPrincipal BrandPrincipal caller) {
        return response(caps.brandLayers(caller.brandId()), caller);
    }

    @PutMapping
    CapsResponse put(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody CapsRequest request) {
        return response(caps.replaceDefaults(caller.brandId(), request), caller);
    }

    private CapsResponse response(QualityLayers layers, BrandPrincipal caller) {
        return CapsResponse.of(layers.brand(), caps.brandCurrency(caller.brandId()), layers);
    }
}
