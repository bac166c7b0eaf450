package io.linkledger.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import io.linkledger.ledger.PaymentMethods;
import io.linkledger.ledger.Payments;
import io.linkledger.ledger.PayoutFiles;
import io.linkledger.ledger.PayoutProvider;
import io.linkledger.members.Member;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import io.linkledger.web.MakePaymentView.ConfirmItem;

/**
 * Make a Payment: the members and amounts chosen on Payments Overview are confirmed (how they
 * are paid, the balance after or what is missing), paid once however often the confirmation is
 * submitted, and the payment is followed: a manual transfer is downloaded as a payout file and
 * confirmed (or cancelled) by the brand; a PayPal payout can be asked about now.
 */
@Controller
class MakePaymentController {

    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.\\w+");

    private final PaymentsOverviewPage overview;
    private final Balances balances;
    private final Payments payments;
    private final PaymentMethods cards;
    private final PayoutFiles files;

    MakePaymentController(PaymentsOverviewPage overview, Balances balances, Payments payments, PaymentMethods cards,
            PayoutFiles files) {
        this.overview = overview;
        this.balances = balances;
        this.payments = payments;
        this.cards = cards;
        this.files = files;
    }

    @PostMapping("/payments/confirm")
    String confirm(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = overview.currency(form.getFirst("currency"));
        PaymentSelection selection;
        Map<UUID, Member> members;
        try {
            selection = PaymentSelection.read(form, currency);
            members = overview.members(caller.brandId(), selection.memberIds());
        } catch (ProblemException e) {
            return refused(caller, form, currency, e, response, model);
        }
        model.addAttribute("confirm", confirmation(caller, selection, members, UUID.randomUUID().toString(),
                payments.defaultProvider(caller.brandId()).name(), null));
        return "console/payments/confirm";
    }

    @PostMapping("/payments/pay")
    String pay(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = overview.currency(form.getFirst("currency"));
        String key = form.getFirst("key");
        String provider = Validation.isBlank(form.getFirst("provider")) ? payments.defaultProvider(caller.brandId()).name()
                : form.getFirst("provider");
        PaymentSelection selection;
        Map<UUID, Member> members;
        try {
            if (Validation.isBlank(key)) {
                throw ProblemException.badRequest("The payment was not made: select the members and amounts again.");
            }
            selection = PaymentSelection.read(form, currency);
            members = overview.members(caller.brandId(), selection.memberIds());
        } catch (ProblemException e) {
            return refused(caller, form, currency, e, response, model);
        }
        try {
            Payments.Outcome outcome = payments.pay(caller.brandId(), key, selection.request(provider));
            return "redirect:/payments/" + outcome.payment().id() + (outcome.replayed() ? "?again=true" : "");
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            String why = FormErrors.of(e, byMember(selection, members)).summary();
            model.addAttribute("confirm", confirmation(caller, selection, members, key, provider, why));
            return "console/payments/confirm";
        }
    }

    @GetMapping("/payments/{id}")
    String result(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean again, @RequestParam(required = false) String notice,
            Model model) {
        return result(caller, payments.get(caller.brandId(), id), again, notice(notice), null, model);
    }

    /** The brand sent the money of a manual payment: its members are paid and emailed. */
    @PostMapping("/payments/{id}/confirm-transfer")
    String confirmTransfer(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            HttpServletResponse response, Model model) {
        return act(caller, id, "confirmed", response, model,
                () -> payments.confirmTransfer(caller.brandId(), id, caller.actor()));
    }

    @PostMapping("/payments/{id}/cancel")
    String cancel(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
        return act(caller, id, "cancelled", response, model, () -> payments.cancel(caller.brandId(), id, reason));
    }

    @PostMapping("/payments/{id}/refresh")
    String refresh(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            HttpServletResponse response, Model model) {
        return act(caller, id, "refreshed", response, model, () -> payments.refresh(caller.brandId(), id));
    }

    @PostMapping("/payments/{id}/reconcile")
    String reconcile(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String payoutBatchId, HttpServletResponse response, Model model) {
        return act(caller, id, "reconciled", response, model,
                () -> payments.reconcile(caller.brandId(), id, payoutBatchId));
    }

    @GetMapping("/payments/{id}/payouts-paypal.csv")
    ResponseEntity<String> payPalFile(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return csv("payment-" + id + "-paypal.csv", files.payPal(payments.get(caller.brandId(), id)));
    }

    @GetMapping("/payments/{id}/payouts-bank.csv")
    ResponseEntity<String> bankFile(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return csv("payment-" + id + "-bank.csv", files.bank(payments.get(caller.brandId(), id)));
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    /** One action on a payment: back to the payment with what it did, or with why it was refused. */
    private String act(BrandPrincipal caller, UUID id, String done, HttpServletResponse response, Model model,
            Supplier<Payment> action) {
        Payment payment = payments.get(caller.brandId(), id);
        try {
            action.get();
            return "redirect:/payments/" + id + "?notice=" + done;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return result(caller, payments.get(caller.brandId(), payment.id()), false, null,
                    FormErrors.of(e).summary(), model);
        }
    }

    private String result(BrandPrincipal caller, Payment payment, boolean again, String notice, String error,
            Model model) {
        model.addAttribute("result", new MakePaymentView.Result(payment, overview.names(caller.brandId(),
                payment.items().stream().map(PaymentItem::memberId).collect(Collectors.toSet())), again, notice,
                error));
        return "console/payments/result";
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "confirmed" -> "Transfer confirmed: the members are marked paid and each was emailed a payment notice.";
            case "cancelled" -> "Payment cancelled: its amount is back in the balance and the members are owed it again.";
            case "refreshed" -> "PayPal was asked for the latest status.";
            case "reconciled" -> "The PayPal batch was matched to this payment.";
            default -> null;
        };
    }

    /** Back to the overview with the form as it was sent and why it was refused. */
    private String refused(BrandPrincipal caller, MultiValueMap<String, String> form, Currency currency,
            ProblemException problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        Form pay = new Form(PaymentSelection.typed(form), FormErrors.of(problem, PaymentSelection::formField));
        return overview.render(caller.brandId(), currency, 0, PaymentsOverviewPage.Forms.pay(pay), null, model);
    }

    private MakePaymentView.Confirm confirmation(BrandPrincipal caller, PaymentSelection selection,
            Map<UUID, Member> members, String key, String provider, String error) {
        List<ConfirmItem> items = selection.items().stream().map(i -> {
            Member member = members.get(i.memberId());
            return new ConfirmItem(i.memberId(), member.name(), i.amount(),
                    Validation.isBlank(member.paypalEmail()) ? null : member.paypalEmail());
        }).toList();
        List<MakePaymentView.Method> methods = new ArrayList<>();
        methods.add(new MakePaymentView.Method(PayoutProvider.PAYPAL.name(), "PayPal Payouts",
                "PayPal sends each member the money at their PayPal email; Linkledger follows every payout until "
                        + "PayPal confirms it and emails each member when it is paid.",
                payments.payPalAvailable() ? null : "PayPal Payouts is not configured on this server."));
        methods.add(new MakePaymentView.Method(PayoutProvider.MANUAL.name(), "Manual transfer",
                "You send the money yourself, with the PayPal mass payout file or your bank's transfer list "
                        + "(both downloadable next). The money is reserved now; the members are marked paid and "
                        + "emailed when you confirm the transfer.", null));
        return new MakePaymentView.Confirm(selection.currency().getCurrencyCode(), items, selection.total(),
                balances.get(caller.brandId(), selection.currency()).available(), key, error, methods, provider,
                cards.active(caller.brandId()).isPresent());
    }

    /** A refusal names the member it is about, where the payment's problem says {@code items[1].amount}. */
    private static UnaryOperator<String> byMember(PaymentSelection selection, Map<UUID, Member> members) {
        return field -> {
            Matcher m = ITEM_FIELD.matcher(field);
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            return index >= 0 && index < selection.items().size()
                    ? members.get(selection.items().get(index).memberId()).name() : field;
        };
    }
}
