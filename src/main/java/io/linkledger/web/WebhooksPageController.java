package io.linkledger.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.webhooks.Delivery;
import io.linkledger.webhooks.Endpoint;
import io.linkledger.webhooks.EndpointRequest;
import io.linkledger.webhooks.WebhookEvent;
import io.linkledger.webhooks.Webhooks;

/**
 * Settings → Webhooks: the brand's endpoints, adding one (its secret shown once), changing,
 * disabling and enabling it, rotating its secret, and its delivery log with replay. Changes are
 * for admins (security refuses viewers).
 */
@Controller
class WebhooksPageController {

    private static final int LOG_PAGE = 25;

    private final Webhooks webhooks;

    WebhooksPageController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/settings/webhooks")
    String list(@AuthenticationPrincipal BrandPrincipal caller, Model model) {
        return list(caller, Form.empty(), List.of(), model);
    }

    @PostMapping("/settings/webhooks")
    String add(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        List<String> events = events(form);
        try {
            Webhooks.WithSecret created = webhooks.create(caller.brandId(),
                    new EndpointRequest(form.getFirst("url"), events, true, form.getFirst("description")));
            return secret(created, true, response, model);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return list(caller, new Form(typed(form), FormErrors.of(e)), events, model);
        }
    }

    @GetMapping("/settings/webhooks/{id}")
    String endpoint(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String notice,
            Model model) {
        Endpoint endpoint = webhooks.get(caller.brandId(), id);
        return endpoint(caller, endpoint, WebhookPageView.formOf(endpoint), eventNames(endpoint), page,
                WebhookPageView.notice(notice), model);
    }

    @PostMapping("/settings/webhooks/{id}")
    String change(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        List<String> events = events(form);
        try {
            webhooks.update(caller.brandId(), id,
                    new EndpointRequest(form.getFirst("url"), events, null, form.getFirst("description")));
            return "redirect:/settings/webhooks/" + id + "?notice=changed";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return endpoint(caller, webhooks.get(caller.brandId(), id), new Form(typed(form), FormErrors.of(e)),
                    events, null, null, model);
        }
    }

    @PostMapping("/settings/webhooks/{id}/enabled")
    String enable(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam boolean enabled) {
        webhooks.update(caller.brandId(), id, new EndpointRequest(null, null, enabled, null));
        return "redirect:/settings/webhooks/" + id + "?notice=" + (enabled ? "enabled" : "disabled");
    }

    /** A new secret, shown on this response only. */
    @PostMapping("/settings/webhooks/{id}/rotate-secret")
    String rotate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            HttpServletResponse response, Model model) {
        return secret(webhooks.rotateSecret(caller.brandId(), id), false, response, model);
    }

    @PostMapping("/settings/webhooks/{id}/deliveries/{deliveryId}/replay")
    String replay(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID deliveryId) {
        webhooks.replay(caller.brandId(), id, deliveryId);
        return "redirect:/settings/webhooks/" + id + "?notice=replayed";
    }

    private String list(BrandPrincipal caller, Form add, List<String> checked, Model model) {
        model.addAttribute("page", new WebhooksView(webhooks.list(caller.brandId()), add,
                WebhookPageView.eventChoices(checked)));
        return "console/webhooks/list";
    }

    private String endpoint(BrandPrincipal caller, Endpoint endpoint, Form form, List<String> checked,
            Integer pageNumber, String notice, Model model) {
        int number = pageNumber == null || pageNumber < 1 ? 1 : pageNumber;
        Page<Delivery> log = webhooks.deliveries(caller.brandId(), endpoint.id(), LOG_PAGE,
                (number - 1) * LOG_PAGE);
        model.addAttribute("page", new WebhookPageView(endpoint, form, WebhookPageView.eventChoices(checked), log,
                number, notice));
        return "console/webhooks/endpoint";
    }

    private static String secret(Webhooks.WithSecret endpoint, boolean created, HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("endpoint", endpoint.endpoint());
        model.addAttribute("secret", endpoint.secret());
        model.addAttribute("created", created);
        return "console/webhooks/secret";
    }

    private static List<String> events(MultiValueMap<String, String> form) {
        List<String> events = form.get("events");
        return events == null ? List.of() : new ArrayList<>(events);
    }

    private static List<String> eventNames(Endpoint endpoint) {
        return endpoint.events().stream().map(WebhookEvent::type).toList();
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("url", form.getFirst("url") == null ? "" : form.getFirst("url"));
        typed.put("description", form.getFirst("description") == null ? "" : form.getFirst("description"));
        return typed;
    }
}
