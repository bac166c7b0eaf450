package io.linkledger.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.conversions.IntegrationType;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.ProblemException;

/**
 * The Integrations screens: the list, a new integration (ShareASale, generic postback, Shopify,
 * pixel), and one integration's page (rename, offers it feeds, disable, rotate, last deliveries).
 * A key appears only on the answer that issued it, which is never cached. Changes are for admins
 * (security refuses viewers).
 */
@Controller
class IntegrationsPageController {

    /** The last deliveries an integration's page shows: the set-up check. */
    private static final int DELIVERIES = 10;
    private static final int OFFER_CHOICES = 500;

    private final IntegrationSetup integrations;
    private final Offers offers;

    IntegrationsPageController(IntegrationSetup integrations, Offers offers) {
        this.integrations = integrations;
        this.offers = offers;
    }

    @GetMapping("/integrations")
    String list(@AuthenticationPrincipal BrandPrincipal caller, Model model) {
        model.addAttribute("view", new IntegrationsView(integrations.list(caller.brandId()), offers(caller.brandId())));
        return "console/integrations/list";
    }

    @GetMapping("/integrations/new")
    String newIntegration(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID offerId, Model model) {
        IntegrationType chosen = typeOrNull(type);
        Map<String, String> values = Map.of("type", chosen == null ? "" : chosen.name(),
                "name", chosen == null ? "" : IntegrationsView.typeLabel(chosen));
        return form(caller, new Form(values, FormErrors.NONE), offerId == null ? List.of() : List.of(offerId), model);
    }

    @PostMapping("/integrations")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        List<UUID> ticked = List.of();
        try {
            ticked = offerIds(form);
            IntegrationSetup.Created created = integrations.create(caller.brandId(), type(form.getFirst("type")),
                    form.getFirst("name"), blankToNull(form.getFirst("secret")), ticked);
            return issued(caller, created, response, model);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Map<String, String> typed = new LinkedHashMap<>(form.toSingleValueMap());
            typed.remove("secret");
            return form(caller, new Form(typed, FormErrors.of(e)), ticked, model);
        }
    }

    @GetMapping("/integrations/{id}")
    String page(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String notice, Model model) {
        return page(caller, id, Form.empty(), null, FormErrors.NONE, notice, model);
    }

    /** Its name and the offers it feeds. */
    @PostMapping("/integrations/{id}")
    String update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        List<UUID> ticked = List.of();
        try {
            ticked = offerIds(form);
            integrations.update(caller.brandId(), id, form.getFirst("name") == null ? "" : form.getFirst("name"),
                    ticked);
            return "redirect:/integrations/" + id + "?notice=saved";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, id, new Form(form.toSingleValueMap(), FormErrors.of(e)), ticked, FormErrors.NONE, null,
                    model);
        }
    }

    @PostMapping("/integrations/{id}/enabled")
    String enable(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean enabled) {
        integrations.setEnabled(caller.brandId(), id, enabled);
        return "redirect:/integrations/" + id + "?notice=" + (enabled ? "enabled" : "disabled");
    }

    @PostMapping("/integrations/{id}/rotate")
    String rotate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String graceHours, HttpServletResponse response, Model model) {
        try {
            return issued(caller, integrations.rotate(caller.brandId(), id, grace(graceHours)), response, model);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, id, Form.empty(), null, FormErrors.of(e), null, model);
        }
    }

    private String form(BrandPrincipal caller, Form form, List<UUID> offerIds, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("offers", IntegrationsView.choices(offers(caller.brandId()), offerIds));
        return "console/integrations/new";
    }

    /** One integration's page; {@code ticked}: the offers a refused edit asked for (null: the ones it feeds). */
    private String page(BrandPrincipal caller, UUID id, Form edit, List<UUID> ticked, FormErrors rotateErrors,
            String notice, Model model) {
        IntegrationSetup.Summary summary = integrations.get(caller.brandId(), id);
        List<Offer> all = offers(caller.brandId());
        model.addAttribute("view", new IntegrationPageView(summary, integrations.recent(caller.brandId(), id, DELIVERIES),
                IntegrationsView.choices(all, ticked == null ? List.copyOf(summary.offerIds()) : ticked),
                all.stream().filter(o -> summary.feeds(o.id())).toList(), edit, rotateErrors, notice));
        return "console/integrations/page";
    }

    /** The page that shows a new key: once, never cached, never kept in the session. */
    private String issued(BrandPrincipal caller, IntegrationSetup.Created created, HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        List<Offer> fed = offers(caller.brandId()).stream()
                .filter(o -> integrations.get(caller.brandId(), created.id()).feeds(o.id())).toList();
        model.addAttribute("issued", new IssuedView(created, fed));
        return "console/integrations/issued";
    }

    private List<Offer> offers(UUID brandId) {
        return offers.list(brandId, null, OFFER_CHOICES, 0).items();
    }

    /** The ticked offers: repeated {@code offerId} fields; one that is not an id is refused. */
    private static List<UUID> offerIds(MultiValueMap<String, String> form) {
        List<UUID> ids = new ArrayList<>();
        for (String value : form.getOrDefault("offerId", List.of())) {
            try {
                ids.add(UUID.fromString(value.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("offerIds", "choose offers from the list");
            }
        }
        return ids;
    }

    private static Duration grace(String hours) {
        if (hours == null || hours.isBlank()) {
            return null;
        }
        try {
            return Duration.ofHours(Long.parseLong(hours.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("graceHours", "must be a number of hours");
        }
    }

    private static IntegrationType typeOrNull(String type) {
        try {
            return type(type);
        } catch (ProblemException e) {
            return null;
        }
    }

    /** The chosen kind; none chosen is for the integrations to refuse. */
    private static IntegrationType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return IntegrationType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "choose one of the listed kinds");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
