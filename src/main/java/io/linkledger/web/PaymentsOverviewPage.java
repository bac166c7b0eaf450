package io.linkledger.web;

import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.linkledger.ledger.Balances;
import io.linkledger.ledger.CardTopUps;
import io.linkledger.ledger.Payment;
import io.linkledger.ledger.PaymentMethods;
import io.linkledger.ledger.PaymentItem;
import io.linkledger.ledger.Payments;
import io.linkledger.ledger.PaymentsOverview;
import io.linkledger.ledger.Remittances;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import io.linkledger.web.PaymentsOverviewView.MemberRow;
import io.linkledger.web.PaymentsOverviewView.PaymentRow;

/**
 * Renders Payments Overview, for its own controller and for Make a Payment, whose refused
 * selections come back to it: the figures come from the ledger, the names from the members.
 */
@Component
class PaymentsOverviewPage {

    private static final int HISTORY_PAGE = 20;
    private static final int REMITTANCE_MONTHS = 6;

    private final PaymentsOverview overview;
    private final Balances balances;
    private final Payments payments;
    private final Remittances remittances;
    private final PaymentMethods cards;
    private final CardTopUps topUps;
    private final Members members;

    PaymentsOverviewPage(PaymentsOverview overview, Balances balances, Payments payments, Remittances remittances,
            PaymentMethods cards, CardTopUps topUps, Members members) {
        this.overview = overview;
        this.balances = balances;
        this.payments = payments;
        this.remittances = remittances;
        this.cards = cards;
        this.topUps = topUps;
        this.members = members;
    }

    /** The currency a form or address asks for; the default one when it asks for none or for no currency. */
    Currency currency(String code) {
        try {
            return balances.currencyOrDefault(Validation.isBlank(code) ? null : code.trim());
        } catch (ProblemException e) {
            return balances.currencyOrDefault(null);
        }
    }

    /** The overview with every form empty. */
    String render(UUID brandId, Currency currency, int offset, String notice, Model model) {
        return render(brandId, currency, offset, Forms.NONE, notice, model);
    }

    /** The forms of the page as they were sent, each with what was wrong with it. */
    record Forms(Form funding, Form pay, Form remittance, Form topUp) {

        static final Forms NONE = new Forms(Form.empty(), Form.empty(), Form.empty(), Form.empty());

        static Forms funding(Form form) {
            return new Forms(form, Form.empty(), Form.empty(), Form.empty());
        }

        static Forms pay(Form form) {
            return new Forms(Form.empty(), form, Form.empty(), Form.empty());
        }

        static Forms remittance(Form form) {
            return new Forms(Form.empty(), Form.empty(), form, Form.empty());
        }

        static Forms topUp(Form form) {
            return new Forms(Form.empty(), Form.empty(), Form.empty(), form);
        }
    }

    String render(UUID brandId, Currency currency, int offset, Forms forms, String notice, Model model) {
        Form pay = forms.pay();
        PaymentsOverview.Overview figures = overview.get(brandId, currency);
        Map<UUID, Member> byId = members.getAll(brandId, figures.members().stream()
                .map(PaymentsOverview.MemberLine::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Set<String> selected = new HashSet<>(PaymentSelection.ticked(pay.values()));
        List<MemberRow> rows = figures.members().stream().map(line -> {
            Member member = byId.get(line.memberId());
            String id = line.memberId().toString();
            String amount = pay.values().containsKey("amount-" + id) ? pay.value("amount-" + id)
                    : line.owed().toDecimalString();
            return new MemberRow(line.memberId(), member == null ? id : member.name(),
                    member == null ? "" : member.email(), line.owed(), line.pending(), line.paid(),
                    line.lastPaymentAt(), selected.contains(id), amount, pay.error("amount-" + id));
        }).toList();
        Page<Payment> history = payments.list(brandId, HISTORY_PAGE, offset);
        Map<UUID, String> names = names(brandId, history.items().stream().flatMap(p -> p.items().stream())
                .map(PaymentItem::memberId).collect(Collectors.toSet()));
        Page<PaymentRow> historyRows = history.map(p -> new PaymentRow(p, p.items().stream()
                .map(i -> names.getOrDefault(i.memberId(), i.memberId().toString())).distinct()
                .collect(Collectors.joining(", "))));
        PaymentsOverviewView.Cards cardView = new PaymentsOverviewView.Cards(cards.configured(),
                cards.active(brandId).orElse(null), topUps.list(brandId).stream().limit(5).toList());
        model.addAttribute("page", new PaymentsOverviewView(currency.getCurrencyCode(), figures.balance(),
                figures.totalOwed(), rows, historyRows, remittances.periods(brandId, currency, REMITTANCE_MONTHS),
                remittances.list(brandId).stream().filter(r -> r.currency().equals(currency)).toList(),
                forms.funding(), pay, forms.remittance(), notice, cardView, forms.topUp()));
        model.addAttribute("fundingKey", UUID.randomUUID().toString());
        return "console/payments/overview";
    }

    /** The members by id; a member that does not exist is a problem about {@code memberIds}. */
    Map<UUID, Member> members(UUID brandId, Collection<UUID> ids) {
        return members.getAll(brandId, ids).stream().collect(Collectors.toMap(Member::id, Function.identity()));
    }

    /** Member id to name; a member that does not exist is a problem about {@code memberIds}. */
    Map<UUID, String> names(UUID brandId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return members.getAll(brandId, ids).stream().collect(Collectors.toMap(Member::id, Member::name));
    }
}
