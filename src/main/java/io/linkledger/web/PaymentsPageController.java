package io.linkledger.web;

import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.ledger.AmountRequest;
import io.linkledger.ledger.Balances;
import io.linkledger.ledger.CardTopUps;
import io.linkledger.ledger.Remittance;
import io.linkledger.ledger.Remittances;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import io.linkledger.web.PaymentsOverviewPage.Forms;

/**
 * Payments Overview and the money coming in: a manual funding, a card top-up, a network
 * remittance (and voiding a wrong one). Paying members from it is {@link MakePaymentController}'s.
 */
@Controller
class PaymentsPageController {

    private final PaymentsOverviewPage page;
    private final Balances balances;
    private final CardTopUps topUps;
    private final Remittances remittances;

    PaymentsPageController(PaymentsOverviewPage page, Balances balances, CardTopUps topUps, Remittances remittances) {
        this.page = page;
        this.balances = balances;
        this.topUps = topUps;
        this.remittances = remittances;
    }

    @GetMapping("/payments")
    String overview(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String notice,
            Model model) {
        return page.render(caller.brandId(), page.currency(currency), Page.offset(offset), notice(notice), model);
    }

    @PostMapping("/payments/fundings")
    String fund(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = page.currency(form.get("currency"));
        try {
            balances.fund(caller.brandId(), new AmountRequest(form.get("amount"), form.get("currency"),
                    blankToNull(form.get("reference"))), blankToNull(form.get("key")));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice=funded";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page.render(caller.brandId(), currency, 0, Forms.funding(new Form(form, FormErrors.of(e))), null,
                    model);
        }
    }

    /** Charges the linked card; the page says whether it is in the balance or still processing. */
    @PostMapping("/payments/top-ups")
    String topUp(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = page.currency(form.get("currency"));
        try {
            CardTopUps.TopUp topUp = topUps.topUp(caller.brandId(), new AmountRequest(form.get("amount"),
                    form.get("currency"), null), form.get("key"));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice="
                    + (topUp.succeeded() ? "topped-up" : "top-up-processing");
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page.render(caller.brandId(), currency, 0, Forms.topUp(new Form(form, FormErrors.of(e))), null,
                    model);
        }
    }

    @PostMapping("/payments/remittances")
    String remittance(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = page.currency(form.get("currency"));
        try {
            String network = RemittanceNetworks.of(form.get("network"), form.get("networkOther"));
            remittances.record(caller.brandId(), new Remittances.Request(network, form.get("period"),
                    form.get("amount"), form.get("currency"), blankToNull(form.get("receivedOn"))));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice=remittance";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page.render(caller.brandId(), currency, 0, Forms.remittance(new Form(form, FormErrors.of(e))),
                    null, model);
        }
    }

    /** Asks why before a wrong remittance is voided. */
    @GetMapping("/payments/remittances/{id}/void")
    String confirmVoid(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, Model model) {
        model.addAttribute("remittance", remittance(caller, id));
        model.addAttribute("form", Form.empty());
        return "console/payments/void";
    }

    @PostMapping("/payments/remittances/{id}/void")
    String voidRemittance(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Remittance remittance = remittance(caller, id);
        try {
            remittances.voidRemittance(caller.brandId(), id, form.get("reason"));
            return "redirect:/payments?currency=" + remittance.currency().getCurrencyCode() + "&notice=voided";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("remittance", remittance);
            model.addAttribute("form", new Form(form, FormErrors.of(e)));
            return "console/payments/void";
        }
    }

    private Remittance remittance(BrandPrincipal caller, UUID id) {
        return remittances.get(caller.brandId(), id);
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "funded" -> "Funding recorded. The balance below includes it.";
            case "topped-up" -> "Your card was charged. The balance below includes the top-up.";
            case "top-up-processing" -> "Your card payment is processing. It shows as pending and is added to the "
                    + "balance when it succeeds.";
            case "remittance" -> "Remittance recorded. It becomes available after the settlement delay.";
            case "voided" -> "Remittance voided. A balancing entry took it out of the balance.";
            case "card-linked" -> "Card linked. Payments can charge it when the balance is short.";
            case "card-removed" -> "Card removed.";
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return Validation.isBlank(value) ? null : value.trim();
    }
}
