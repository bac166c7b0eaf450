package io.linkledger.web;

import java.util.Currency;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.ledger.AmountRequest;
import io.linkledger.ledger.Balances;
import io.linkledger.ledger.Remittances;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Payments Overview and the money coming in: a manual funding, a network remittance. Paying
 * members from it is {@link MakePaymentController}'s.
 */
@Controller
class PaymentsPageController {

    private final PaymentsOverviewPage page;
    private final Balances balances;
    private final Remittances remittances;

    PaymentsPageController(PaymentsOverviewPage page, Balances balances, Remittances remittances) {
        this.page = page;
        this.balances = balances;
        this.remittances = remittances;
    }

    @GetMapping("/payments")
    String overview(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String notice,
            Model model) {
        return page.render(caller.brandId(), page.currency(currency), Page.offset(offset), Form.empty(),
                Form.empty(), Form.empty(), notice(notice), model);
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
            return page.render(caller.brandId(), currency, 0, new Form(form, FormErrors.of(e)), Form.empty(),
                    Form.empty(), null, model);
        }
    }

    @PostMapping("/payments/remittances")
    String remittance(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = page.currency(form.get("currency"));
        try {
            remittances.record(caller.brandId(), new Remittances.Request(blankToNull(form.get("network")),
                    form.get("period"), form.get("amount"), form.get("currency"), blankToNull(form.get("receivedOn"))));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice=remittance";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page.render(caller.brandId(), currency, 0, Form.empty(), Form.empty(),
                    new Form(form, FormErrors.of(e)), null, model);
        }
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "funded" -> "Funding recorded. The balance below includes it.";
            case "remittance" -> "Remittance recorded. It becomes available after the settlement delay.";
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return Validation.isBlank(value) ? null : value.trim();
    }
}
