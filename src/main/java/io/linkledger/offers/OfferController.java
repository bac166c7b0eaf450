package io.linkledger.offers;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;

@RestController
@RequestMapping("/api/v1/offers")
class OfferController {

    private final Offers offers;

    OfferController(Offers offers) {
        this.offers = offers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OfferResponse create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody OfferRequest request) {
        return OfferResponse.of(offers.create(caller.brandId(), request));
    }

    @GetMapping
    Page<OfferResponse> list(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) OfferStatus status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return offers.list(caller.brandId(), status, Page.limit(limit), Page.offset(offset)).map(OfferResponse::of);
    }

    @GetMapping("/{id}")
    OfferResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return OfferResponse.of(offers.get(caller.brandId(), id));
    }

    @PatchMapping("/{id}")
    OfferResponse update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody OfferRequest request) {
        return OfferResponse.of(offers.update(caller.brandId(), id, request));
    }

    @PostMapping("/{id}/archive")
    OfferResponse archive(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return OfferResponse.of(offers.archive(caller.brandId(), id));
    }
}
