package io.linkledger.offers;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.OfferTermsService.TermsRequest;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/offers/{id}/terms")
class OfferTermsController {

    private final OfferTermsService terms;
    private final Offers offers;

    OfferTermsController(OfferTermsService terms, Offers offers) {
        this.terms = terms;
        this.offers = offers;
    }

    record TermsResponse(Integer lockPeriodDays, List<Tier> volumeTiers, String currency) {
    }

    record Tier(String fromSales, String percent) {
    }

    @GetMapping
    @Operation(summary = "Get an offer's terms")
    TermsResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Offer offer = offers.get(caller.brandId(), id);
        return response(terms.terms(offer), offer);
    }

    @PutMapping
    @Operation(summary = "Set an offer's terms (lock period, volume tiers)")
    TermsResponse put(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody TermsRequest request) {
        Offer offer = offers.get(caller.brandId(), id);
        return response(terms.replace(caller.brandId(), id, request), offer);
    }

    private static TermsResponse response(OfferTerms t, Offer offer) {
        return new TermsResponse(t.lockPeriodDays(), t.volumeTiers().stream()
                .map(tier -> new Tier(tier.from().toDecimalString(), tier.percent().stripTrailingZeros().toPlainString()))
                .toList(), offer.currency().getCurrencyCode());
    }
}
