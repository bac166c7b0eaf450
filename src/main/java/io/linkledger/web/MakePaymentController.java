package io.linkledger.web;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.ledger.Balances;
import io.linkledger.ledger.Payment;
import io.linkledger.ledger.PaymentItem;
import io.linkledger.ledger.Payments;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import io.linkledger.web.MakePaymentView.ConfirmItem;

/**
 * Make a Payment: the members and amounts chosen on Payments Overview are confirmed (what is
 * paid, the balance after or what is missing), paid once however often the confirmation is
 * submitted, and the payment is shown. A selection that is refused goes back to the overview.
 */
@Controller
class MakePaymentController {

    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.\\w+");

    private final PaymentsOverviewPage overview;
    private final Balances balances;
    private final Payments payments;

    MakePaymentController(PaymentsOverviewPage overview, Balances balances, Payments payments) {
        this.overview = overview;
        this.balances = balances;
        this.payments = payments;
    }

    @PostMapping("/payments/confirm")
    String confirm(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = overview.currency(form.getFirst("currency"));
        PaymentSelection selection;
        Map<UUID, String> names;
        try {
            selection = PaymentSelection.read(form, currency);
            names = overview.names(caller.brandId(), selection.memberIds());
        } catch (ProblemException e) {
            return refused(caller, form, currency, e, response, model);
        }
        model.addAttribute("confirm", confirmation(caller, selection, names, UUID.randomUUID().toString(), null));
        return "console/payments/confirm";
    }

    @PostMapping("/payments/pay")
    String pay(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = overview.currency(form.getFirst("currency"));
        String key = form.getFirst("key");
        PaymentSelection selection;
        Map<UUID, String> names;
        try {
            if (Validation.isBlank(key)) {
                throw ProblemException.badRequest("The payment was not made: select the members and amounts again.");
            }
            selection = PaymentSelection.read(form, currency);
            names = overview.names(caller.brandId(), selection.memberIds());
        } catch (ProblemException e) {
            return refused(caller, form, currency, e, response, model);
        }
        try {
            Payments.Outcome outcome = payments.pay(caller.brandId(), key, selection.request());
            return "redirect:/payments/" + outcome.payment().id() + (outcome.replayed() ? "?again=true" : "");
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            String why = FormErrors.of(e, byMember(selection, names)).summary();
            model.addAttribute("confirm", confirmation(caller, selection, names, key, why));
            return "console/payments/confirm";
        }
    }

    @GetMapping("/payments/{id}")
    String result(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean again, Model model) {
        Payment payment = payments.get(caller.brandId(), id);
        model.addAttribute("result", new MakePaymentView.Result(payment, overview.names(caller.brandId(),
                payment.items().stream().map(PaymentItem::memberId).collect(Collectors.toSet())), again));
        return "console/payments/result";
    }

    /** Back to the overview with the form as it was sent and why it was refused. */
    private String refused(BrandPrincipal caller, MultiValueMap<String, String> form, Currency currency,
            ProblemException problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        Form pay = new Form(PaymentSelection.typed(form), FormErrors.of(problem, PaymentSelection::formField));
        return overview.render(caller.brandId(), currency, 0, Form.empty(), pay, Form.empty(), null, model);
    }

    private MakePaymentView.Confirm confirmation(BrandPrincipal caller, PaymentSelection selection,
            Map<UUID, String> names, String key, String error) {
        List<ConfirmItem> items = selection.items().stream()
                .map(i -> new ConfirmItem(i.memberId(), names.get(i.memberId()), i.amount())).toList();
        return new MakePaymentView.Confirm(selection.currency().getCurrencyCode(), items, selection.total(),
                balances.get(caller.brandId(), selection.currency()).available(), key, error);
    }

    /** A refusal names the member it is about, where the payment's problem says {@code items[1].amount}. */
    private static UnaryOperator<String> byMember(PaymentSelection selection, Map<UUID, String> names) {
        return field -> {
            Matcher m = ITEM_FIELD.matcher(field);
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            return index >= 0 && index < selection.items().size()
                    ? names.get(selection.items().get(index).memberId()) : field;
        };
    }
}
