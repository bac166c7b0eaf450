package io.linkledger.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferCaps;
import io.linkledger.offers.OfferCapsService;
import io.linkledger.offers.OfferCapsService.CapsRequest;
import io.linkledger.offers.OfferRequest;
import io.linkledger.offers.OfferType;
import io.linkledger.offers.Offers;
import io.linkledger.offers.QualityLayers;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** The Add Offer and Edit Offer form, with the offer's caps (admins only; viewers are sent where they can read). */
@Controller
class OfferFormController {

    private final Offers offers;
    private final BrandSettingsService brands;
    private final OfferCapsService caps;
    private final TransactionTemplate transactions;

    OfferFormController(Offers offers, BrandSettingsService brands, OfferCapsService caps,
            TransactionTemplate transactions) {
        this.brands = brands;
        this.offers = offers;
        this.caps = caps;
        this.transactions = transactions;
    }

    @GetMapping("/offers/new")
    String newOffer(@ModelAttribute("console") Console console, @RequestParam(defaultValue = "LINK") String type,
            Model model) {
        if (!console.admin()) {
            return "redirect:/offers";
        }
        OfferType kind;
        try {
            kind = OfferType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = OfferType.LINK;
        }
        return form(model, null, OfferForm.blank(kind, brands.get(console.brandId()).defaultCurrency().getCurrencyCode()),
                OfferCapsForm.of(OfferCaps.NONE, brandDefaults(console.brandId())), FormErrors.NONE);
    }

    @PostMapping("/offers")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> params,
            Model model) {
        OfferForm form = OfferForm.from(params);
        OfferCapsForm capsForm = OfferCapsForm.from(params, brandDefaults(caller.brandId()));
        try {
            Validation v = new Validation();
            OfferRequest request = form.request(v);
            CapsRequest capsRequest = capsForm.request(v);
            v.throwIfInvalid();
            // The offer and its caps are saved together or not at all.
            Offer offer = transactions.execute(tx -> {
                Offer created = offers.create(caller.brandId(), request);
                caps.replace(caller.brandId(), created.id(), capsRequest);
                return created;
            });
            return "redirect:/offers/" + offer.id();
        } catch (ProblemException problem) {
            return form(model, null, form, capsForm, FormErrors.of(problem, form::field));
        }
    }

    @GetMapping("/offers/{offerId}/edit")
    String edit(@AuthenticationPrincipal BrandPrincipal caller, @ModelAttribute("console") Console console,
            @PathVariable UUID offerId, Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        if (!console.admin()) {
            // Viewers cannot save, so they get the offer's page instead of a form they cannot submit.
            return "redirect:/offers/" + offer.id();
        }
        return form(model, offer, OfferForm.of(offer), OfferCapsForm.of(caps.caps(offer), inherited(offer)),
                FormErrors.NONE);
    }

    @PostMapping("/offers/{offerId}")
    String update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestParam Map<String, String> params, Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        OfferForm form = OfferForm.from(params);
        OfferCapsForm capsForm = OfferCapsForm.from(params, inherited(offer));
        try {
            Validation v = new Validation();
            OfferRequest request = form.request(v);
            CapsRequest capsRequest = capsForm.request(v);
            // An update keeps a date that is left out, so an emptied date field would be silently ignored: say so.
            v.check(offer.startsAt() == null || !form.startsOn().isBlank(), "startsAt",
                    "cannot be removed once set; pick the day the offer starts");
            v.check(offer.endsAt() == null || !form.endsOn().isBlank(), "endsAt",
                    "cannot be removed once set; pick a later day or archive the offer instead");
            v.throwIfInvalid();
            // The currency field is read-only on edit; the offer keeps its own.
            OfferRequest keepCurrency = new OfferRequest(request.name(), request.description(), request.type(),
                    request.conversionType(), offer.currency().getCurrencyCode(), request.trackingProtocol(),
                    request.destinationUrl(), request.fallbackUrl(), request.allowedDeepLinkHosts(),
                    request.startsAt(), request.endsAt(), request.status(), request.attributionWindowDays(),
                    request.payouts());
            transactions.executeWithoutResult(tx -> {
                offers.update(caller.brandId(), offerId, keepCurrency);
                caps.replace(caller.brandId(), offerId, capsRequest);
            });
            return "redirect:/offers/" + offerId;
        } catch (ProblemException problem) {
            return form(model, offer, form, capsForm, FormErrors.of(problem, form::field));
        }
    }

    /** What a new offer inherits: the brand's defaults (in its currency, which a new offer starts in). */
    private QualityLayers brandDefaults(UUID brandId) {
        return caps.brandLayers(brandId);
    }

    /** What the offer inherits where it sets nothing: the brand's defaults, else the server's. */
    private QualityLayers inherited(Offer offer) {
        QualityLayers layers = caps.layers(offer);
        return new QualityLayers(OfferCaps.NONE, layers.brand(), layers.server());
    }

    private String form(Model model, Offer offer, OfferForm form, OfferCapsForm capsForm, FormErrors errors) {
        model.addAttribute("offer", offer);
        model.addAttribute("form", form);
        model.addAttribute("caps", capsForm);
        model.addAttribute("errors", errors);
        return "console/offers/form";
    }
}
