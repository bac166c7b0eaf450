package io.linkledger.email;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.OfferType;

/**
 * A brand's templates, one per kind and offer type. Without {@code offerType}, GET answers the
 * link-and-code offers' template, and PUT and DELETE apply to every offer type (as before templates
 * were kept per offer type).
 */
@RestController
@RequestMapping("/api/v1/email-templates/{kind}")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    BrandTemplate get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind,
            @RequestParam(required = false) OfferType offerType) {
        return templates.get(caller.brandId(), kind, shown(offerType));
    }

    @PutMapping
    BrandTemplate save(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind,
            @RequestParam(required = false) OfferType offerType, @RequestBody EmailTemplate template) {
        templates.save(caller.brandId(), kind, types(offerType), template);
        return templates.get(caller.brandId(), kind, shown(offerType));
    }

    @DeleteMapping
    BrandTemplate reset(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind,
            @RequestParam(required = false) OfferType offerType) {
        templates.reset(caller.brandId(), kind, types(offerType));
        return templates.get(caller.brandId(), kind, shown(offerType));
    }

    private static OfferType shown(OfferType offerType) {
        return offerType == null ? OfferType.LINK_AND_CODE : offerType;
    }

    private static List<OfferType> types(OfferType offerType) {
        return offerType == null ? List.of(OfferType.values()) : List.of(offerType);
    }
}
