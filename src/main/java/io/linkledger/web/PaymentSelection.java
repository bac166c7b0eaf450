package io.linkledger.web;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import io.linkledger.ledger.PaymentRequest;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * The members ticked in the Make a Payment form ({@code member}) and the amount typed for
 * each ({@code amount-<memberId>}), as Money in the page's currency.
 */
record PaymentSelection(Currency currency, List<Item> items) {

    record Item(UUID memberId, Money amount) {
    }

    /** Reads the form; a member that is not one or an amount that is not a positive amount is a problem. */
    static PaymentSelection read(MultiValueMap<String, String> form, Currency currency) {
        List<String> ticked = ticked(form.get("member"));
        if (ticked.isEmpty()) {
            throw ProblemException.badRequest("Select at least one member to pay.");
        }
        Validation v = new Validation();
        List<Item> items = new ArrayList<>();
        for (String id : ticked) {
            UUID memberId;
            try {
                memberId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                v.add("member", "'" + id + "' is not a member");
                continue;
            }
            String amount = form.getFirst("amount-" + id);
            try {
                Money money = Money.parse(amount, currency);
                v.check(money.minor() > 0, "amount-" + id, "must be more than zero");
                items.add(new Item(memberId, money));
            } catch (IllegalArgumentException | ArithmeticException e) {
                v.add("amount-" + id, Validation.isBlank(amount) ? "is required" : e.getMessage());
            }
        }
        v.throwIfInvalid();
        return new PaymentSelection(currency, List.copyOf(items));
    }

    /** The form's name for a problem's field: the members checked are the form's {@code member}. */
    static String formField(String field) {
        return field.equals("memberIds") ? "member" : field;
    }

    /** The form as one value per field, the ticked members joined with commas: what a refused form shows again. */
    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
        values.put("member", form.get("member") == null ? "" : String.join(",", form.get("member")));
        return values;
    }

    /** The members ticked in what {@link #typed} kept. */
    static List<String> ticked(Map<String, String> typed) {
        return typed.containsKey("member") ? ticked(List.of(typed.get("member").split(","))) : List.of();
    }

    private static List<String> ticked(List<String> checked) {
        return checked == null ? List.of() : checked.stream().filter(s -> !s.isBlank()).distinct().toList();
    }

    List<UUID> memberIds() {
        return items.stream().map(Item::memberId).toList();
    }

    Money total() {
        return items.stream().map(Item::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** The payment the selection asks for, paid through {@code provider} (MANUAL or PAYPAL). */
    PaymentRequest request(String provider) {
        return new PaymentRequest(items.stream()
                .map(i -> new PaymentRequest.Item(i.memberId(), i.amount().toDecimalString())).toList(),
                currency.getCurrencyCode(), provider);
    }
}
