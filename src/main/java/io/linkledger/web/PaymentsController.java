package io.linkledger.web;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import io.linkledger.ledger.AmountRequest;
import io.linkledger.ledger.Balance;
import io.linkledger.ledger.Balances;
import io.linkledger.ledger.Payment;
import io.linkledger.ledger.PaymentItem;
import io.linkledger.ledger.PaymentRequest;
import io.linkledger.ledger.Payments;
import io.linkledger.ledger.PaymentsOverview;
import io.linkledger.ledger.Remittances;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import io.linkledger.web.PaymentsView.ConfirmItem;
import io.linkledger.web.PaymentsView.Form;
import io.linkledger.web.PaymentsView.MemberRow;
import io.linkledger.web.PaymentsView.PaymentRow;

/**
 * Payments Overview: balance and funding, what each member is owed, Make a Payment (select,
 * confirm, pay), the payments history and the network remittances per period.
 */
@Controller
class PaymentsController {

    private static final int HISTORY_PAGE = 20;
    private static final int REMITTANCE_MONTHS = 6;

    private final PaymentsOverview overview;
    private final Balances balances;
    private final Payments payments;
    private final Remittances remittances;
    private final Members members;

    PaymentsController(PaymentsOverview overview, Balances balances, Payments payments, Remittances remittances,
            Members members) {
        this.overview = overview;
        this.balances = balances;
        this.payments = payments;
        this.remittances = remittances;
        this.members = members;
    }

    @GetMapping("/payments")
    String overview(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String notice,
            Model model) {
        return page(caller, currency(currency), offset, Form.empty(), Form.empty(), Form.empty(), notice(notice), model);
    }

    @PostMapping("/payments/fundings")
    String fund(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = currency(form.get("currency"));
        try {
            balances.fund(caller.brandId(), new AmountRequest(form.get("amount"), form.get("currency"),
                    blankToNull(form.get("reference"))), blankToNull(form.get("key")));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice=funded";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, currency, 0, failed(form, e), Form.empty(), Form.empty(), null, model);
        }
    }

    @PostMapping("/payments/remittances")
    String remittance(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = currency(form.get("currency"));
        try {
            remittances.record(caller.brandId(), new Remittances.Request(blankToNull(form.get("network")),
                    form.get("period"), form.get("amount"), form.get("currency"), blankToNull(form.get("receivedOn"))));
            return "redirect:/payments?currency=" + currency.getCurrencyCode() + "&notice=remittance";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, currency, 0, Form.empty(), Form.empty(), failed(form, e), null, model);
        }
    }

    /** The confirmation step: what will be paid, the balance after or what is missing. */
    @PostMapping("/payments/confirm")
    String confirm(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = currency(form.getFirst("currency"));
        Selection selection = selection(caller, form, currency);
        if (!selection.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Form pay = new Form(values(form), selection.errors(),
                    selection.items().isEmpty() ? "Select at least one member to pay." : "Check the amounts below.");
            return page(caller, currency, 0, Form.empty(), pay, Form.empty(), null, model);
        }
        model.addAttribute("confirm", confirmation(caller, currency, selection.items(), UUID.randomUUID().toString(),
                null));
        return "console/payments/confirm";
    }

    @PostMapping("/payments/pay")
    String pay(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Currency currency = currency(form.getFirst("currency"));
        Selection selection = selection(caller, form, currency);
        String key = form.getFirst("key");
        if (!selection.errors().isEmpty() || Validation.isBlank(key)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(caller, currency, 0, Form.empty(), new Form(values(form), selection.errors(),
                    "The payment was not made: select the members and amounts again."), Form.empty(), null, model);
        }
        List<PaymentRequest.Item> items = selection.items().stream()
                .map(i -> new PaymentRequest.Item(i.memberId(), i.amount())).toList();
        try {
            Payments.Outcome outcome = payments.pay(caller.brandId(), key,
                    new PaymentRequest(items, currency.getCurrencyCode(), null));
            return "redirect:/payments/" + outcome.payment().id() + (outcome.replayed() ? "?again=true" : "");
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("confirm", confirmation(caller, currency, selection.items(), key, message(e)));
            return "console/payments/confirm";
        }
    }

    @GetMapping("/payments/{id}")
    String result(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean again, Model model) {
        Payment payment = payments.get(caller.brandId(), id);
        model.addAttribute("result", new PaymentsView.Result(payment, names(caller, payment.items().stream()
                .map(PaymentItem::memberId).collect(Collectors.toSet())), again));
        return "console/payments/result";
    }

    private String page(BrandPrincipal caller, Currency currency, Integer offset, Form funding, Form pay,
            Form remittance, String notice, Model model) {
        UUID brandId = caller.brandId();
        PaymentsOverview.Overview figures = overview.get(brandId, currency);
        Map<UUID, Member> byId = members.getAll(brandId, figures.members().stream()
                .map(PaymentsOverview.MemberLine::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Set<String> selected = new HashSet<>(pay.values().isEmpty() ? List.of() : selectedIds(pay.values()));
        List<MemberRow> rows = figures.members().stream().map(line -> {
            Member member = byId.get(line.memberId());
            String id = line.memberId().toString();
            boolean payable = Money.parse(line.owed(), currency).minor() > 0;
            String amount = pay.values().containsKey("amount-" + id) ? pay.value("amount-" + id) : line.owed();
            return new MemberRow(line.memberId(), member == null ? id : member.name(),
                    member == null ? "" : member.email(), line.owed(), line.pending(), line.paid(),
                    line.lastPaymentAt(), payable, selected.contains(id), amount, pay.error("amount-" + id));
        }).toList();
        Page<Payment> history = payments.list(brandId, HISTORY_PAGE, Page.offset(offset));
        Set<UUID> paidMembers = history.items().stream().flatMap(p -> p.items().stream())
                .map(PaymentItem::memberId).collect(Collectors.toSet());
        Map<UUID, String> names = names(caller, paidMembers);
        Page<PaymentRow> historyRows = history.map(p -> new PaymentRow(p, p.items().stream()
                .map(i -> names.getOrDefault(i.memberId(), i.memberId().toString())).distinct()
                .collect(Collectors.joining(", "))));
        Balance balance = balances.get(brandId, currency);
        model.addAttribute("page", new PaymentsView.Overview(currency.getCurrencyCode(), balance,
                figures.totalOwed(), rows, historyRows, remittances.periods(brandId, currency, REMITTANCE_MONTHS),
                remittances.list(brandId).stream().filter(r -> r.currency().equals(currency)).toList(),
                funding, pay, remittance, notice));
        model.addAttribute("fundingKey", UUID.randomUUID().toString());
        return "console/payments/overview";
    }

    private PaymentsView.Confirm confirmation(BrandPrincipal caller, Currency currency, List<SelectedItem> selected,
            String key, String error) {
        Map<UUID, String> names = names(caller, selected.stream().map(SelectedItem::memberId).toList());
        List<ConfirmItem> items = selected.stream()
                .map(i -> new ConfirmItem(i.memberId(), names.get(i.memberId()), i.amount())).toList();
        long total = selected.stream().mapToLong(i -> Money.parse(i.amount(), currency).minor()).sum();
        Money available = balances.get(caller.brandId(), currency).available();
        long after = available.minor() - total;
        return new PaymentsView.Confirm(currency.getCurrencyCode(), items, new Money(total, currency).display(),
                available.display(), after >= 0 ? new Money(after, currency).display() : null,
                after < 0 ? new Money(-after, currency).display() : null, key, error);
    }

    private record SelectedItem(UUID memberId, String amount) {
    }

    private record Selection(List<SelectedItem> items, Map<String, String> errors) {
    }

    /** The checked members and their amounts; an amount must be a positive decimal in the currency. */
    private Selection selection(BrandPrincipal caller, MultiValueMap<String, String> form, Currency currency) {
        List<SelectedItem> items = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String id : selectedIds(form.toSingleValueMap(), form.get("member"))) {
            UUID memberId;
            try {
                memberId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                errors.put("member", "'" + id + "' is not a member");
                continue;
            }
            String amount = form.getFirst("amount-" + id);
            try {
                Money money = Money.parse(amount, currency);
                if (money.minor() <= 0) {
                    errors.put("amount-" + id, "must be more than zero");
                }
                items.add(new SelectedItem(memberId, money.toDecimalString()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.put("amount-" + id, Validation.isBlank(amount) ? "is required" : e.getMessage());
            }
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.put("member", "select at least one member to pay");
        }
        if (!items.isEmpty()) {
            try {
                members.getAll(caller.brandId(), items.stream().map(SelectedItem::memberId).toList());
            } catch (ProblemException e) {
                errors.put("member", e.getMessage());
            }
        }
        return new Selection(items, errors);
    }

    /** The form as one value per field; the checked members joined with commas. */
    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
        values.put("member", form.get("member") == null ? "" : String.join(",", form.get("member")));
        return values;
    }

    private static List<String> selectedIds(Map<String, String> single) {
        return selectedIds(single, single.containsKey("member") ? List.of(single.get("member").split(",")) : null);
    }

    private static List<String> selectedIds(Map<String, String> single, List<String> checked) {
        return checked == null ? List.of() : checked.stream().filter(s -> !s.isBlank()).distinct().toList();
    }

    /** A refusal in words a brand acts on: the shortfall as is, field issues with member names. */
    private static String message(ProblemException e) {
        if (e.fieldIssues().isEmpty()) {
            return e.getMessage();
        }
        return e.fieldIssues().stream().map(FieldIssue::message).collect(Collectors.joining("; "));
    }

    private Map<UUID, String> names(BrandPrincipal caller, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return members.getAll(caller.brandId(), ids).stream().collect(Collectors.toMap(Member::id, Member::name));
    }

    private static Form failed(Map<String, String> values, ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldIssue issue : e.fieldIssues()) {
            errors.putIfAbsent(issue.field(), issue.message());
        }
        return new Form(values, errors, e.fieldIssues().isEmpty() ? e.getMessage() : null);
    }

    private Currency currency(String code) {
        try {
            return balances.currencyOrDefault(blankToNull(code));
        } catch (ProblemException e) {
            return balances.currencyOrDefault(null);
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
