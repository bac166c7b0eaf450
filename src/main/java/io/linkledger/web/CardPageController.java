package io.linkledger.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.Role;
import io.linkledger.ledger.PaymentMethods;
import io.linkledger.shared.ProblemException;

/**
 * Link a card from the Payments page. The page holds a SetupIntent made for it; Stripe.js
 * collects the card in Stripe's own fields (card numbers never reach this server) and confirms
 * the SetupIntent, asking the cardholder to authenticate when the bank wants it; then the page
 * posts the SetupIntent's id here and the card is linked once Stripe says it succeeded (the
 * {@code setup_intent.succeeded} webhook links it too, if the page is closed first).
 */
@Controller
class CardPageController {

    /** Stripe.js runs from Stripe's address, frames its card fields from there, and calls Stripe's API. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' https://js.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; connect-src 'self' https://api.stripe.com; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.stripe.com; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final PaymentMethods cards;

    CardPageController(PaymentMethods cards) {
        this.cards = cards;
    }

    /**
     * Admins only: the page's SetupIntent could be confirmed straight with Stripe, and its
     * webhook would link the card, so a viewer never gets one.
     */
    @GetMapping("/payments/card")
    String card(@AuthenticationPrincipal BrandPrincipal caller, Authentication authentication,
            HttpServletResponse response, Model model) {
        if (authentication.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only admins can link a card");
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!cards.configured()) {
            model.addAttribute("card", new CardPageView(null, "Card payments are not configured on this server."));
            return "console/payments/card";
        }
        try {
            PaymentMethods.CardSetup setup = cards.start(caller.brandId());
            model.addAttribute("card", new CardPageView(setup, setup.publishableKey() == null
                    ? "The card form needs Stripe's publishable key (linkledger.money.stripe.publishable-key)." : null));
        } catch (ProblemException e) {
            model.addAttribute("card", new CardPageView(null, e.getMessage()));
        }
        return "console/payments/card";
    }

    /** Stripe.js confirmed the SetupIntent in the browser: link the card if Stripe says it succeeded. */
    @PostMapping("/payments/card/complete")
    String complete(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String setupIntentId,
            HttpServletResponse response, Model model) {
        try {
            PaymentMethods.Linking linking = cards.complete(caller.brandId(), setupIntentId);
            if (linking.linked()) {
                return "redirect:/payments?notice=card-linked";
            }
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            model.addAttribute("card", new CardPageView(new PaymentMethods.CardSetup(linking.setupIntentId(),
                    linking.clientSecret(), cards.publishableKey()),
                    "Your bank has not confirmed the card yet: finish the authentication it asks for, then save again."));
            return "console/payments/card";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            model.addAttribute("card", new CardPageView(null, e.getMessage()));
            return "console/payments/card";
        }
    }

    @PostMapping("/payments/card/{id}/remove")
    String remove(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        cards.remove(caller.brandId(), id);
        return "redirect:/payments?notice=card-removed";
    }
}
