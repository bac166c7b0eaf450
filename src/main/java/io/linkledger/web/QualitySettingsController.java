package io.linkledger.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.OfferCaps;
import io.linkledger.offers.OfferCapsService;
import io.linkledger.offers.OfferCapsService.CapsRequest;
import io.linkledger.offers.QualityLayers;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Settings, Fraud and quality: the brand's default limits, which every offer has unless its form
 * sets its own. The whole form is sent, so an emptied field clears that default (security refuses viewers' posts).
 */
@Controller
class QualitySettingsController {

    private final OfferCapsService caps;

    QualitySettingsController(OfferCapsService caps) {
        this.caps = caps;
    }

    @GetMapping("/settings/quality")
    String page(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String notice,
            Model model) {
        QualityLayers layers = caps.brandLayers(caller.brandId());
        return page(caller, OfferCapsForm.of(layers.brand(), server(layers)), FormErrors.NONE,
                "saved".equals(notice), model);
    }

    @PostMapping("/settings/quality")
    String save(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        OfferCapsForm form = OfferCapsForm.from(params, server(caps.brandLayers(caller.brandId())));
        try {
            Validation v = new Validation();
            CapsRequest request = form.request(v);
            v.throwIfInvalid();
            caps.replaceDefaults(caller.brandId(), request);
            return "redirect:/settings/quality?notice=saved";
        } catch (ProblemException problem) {
            response.setStatus(problem.status().value());
            return page(caller, form, FormErrors.of(problem), false, model);
        }
    }

    private String page(BrandPrincipal caller, OfferCapsForm form, FormErrors errors, boolean saved, Model model) {
        model.addAttribute("caps", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currency", caps.brandCurrency(caller.brandId()).getCurrencyCode());
        model.addAttribute("saved", saved);
        return "console/settings/quality";
    }

    /** What applies where the brand sets nothing: the server's defaults. */
    private static QualityLayers server(QualityLayers layers) {
        return new QualityLayers(OfferCaps.NONE, OfferCaps.NONE, layers.server());
    }
}
