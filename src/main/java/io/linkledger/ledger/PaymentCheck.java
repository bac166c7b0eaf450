package io.linkledger.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.brands.BrandSettingsService;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Money;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/**
 * Every rule a payment must pass, in two steps: the request on its own (before anything is
 * locked, so a bad request waits for nobody), then each amount against what the member is
 * owed (under the cash lock, so the answer cannot change before the payment is booked).
 */
@Component
class PaymentCheck {

    private final Members members;
    private final LedgerSettings settings;
    private final PayoutDispatch dispatch;
    private final Journal journal;
    private final PayoutFees fees;
    private final BrandSettingsService brands;

    PaymentCheck(Members members, LedgerSettings settings, PayoutDispatch dispatch, Journal journal,
            PayoutFees fees, BrandSettingsService brands) {
        this.members = members;
        this.brands = brands;
        this.settings = settings;
        this.dispatch = dispatch;
        this.journal = journal;
        this.fees = fees;
    }

    /** A request that passed the checks needing no lock; {@code hash} tells a retry from another payment. */
    record CheckedRequest(String key, String hash, Currency currency, PayoutProvider provider, List<Item> items) {

        /** A member to pay and the amount asked for, or null for everything the member is owed. */
        record Item(Member member, Money amount) {
        }
    }

    /** One member's payout as it will be booked: the amount, the fee on top, and who receives it. */
    record PayableItem(UUID memberId, Money amount, Money fee, String receiver) {
    }

    CheckedRequest request(UUID brandId, String idempotencyKey, PaymentRequest request) {
        Validation v = new Validation();
        if (Validation.isBlank(idempotencyKey)) {
            v.add("Idempotency-Key", "header is required, so a retried request never pays twice");
        } else {
            v.check(idempotencyKey.length() <= 200, "Idempotency-Key", "must be at most 200 characters");
        }
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        PayoutProvider provider = dispatch.provider(brandId, request.provider(), v);
        List<PaymentRequest.Item> asked = request.items() == null ? List.of() : request.items();
        v.check(!asked.isEmpty(), "items", "must list at least one member to pay");
        Set<UUID> seen = new HashSet<>();
        List<Money> amounts = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            PaymentRequest.Item item = asked.get(i);
            if (item == null || item.memberId() == null) {
                v.add("items[" + i + "].memberId", "is required");
                amounts.add(null);
                continue;
            }
            v.check(seen.add(item.memberId()), "items[" + i + "].memberId", "is listed more than once");
            amounts.add(item.amount() == null ? null
                    : Amounts.positive(item.amount(), currency, v, "items[" + i + "].amount"));
        }
        v.throwIfInvalid();
        Map<UUID, Member> byId = members.getAll(brandId, seen).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<CheckedRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Member member = byId.get(asked.get(i).memberId());
            v.check(provider != PayoutProvider.PAYPAL || !Validation.isBlank(member.paypalEmail()),
                    "items[" + i + "].memberId", "member has no PayPal email to pay");
            items.add(new CheckedRequest.Item(member, amounts.get(i)));
        }
        v.throwIfInvalid();
        return new CheckedRequest(idempotencyKey.trim(), hash(currency, provider, items), currency, provider, items);
    }

    /** Each amount against what the member is owed now and the minimum payout; every problem at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<PayableItem> payable(UUID brandId, CheckedRequest request) {
        Validation v = new Validation();
        Currency currency = request.currency();
        Money minimum = fees.minimum(brands.get(brandId).minimumPayout(), currency);
        List<PayableItem> payable = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            Member member = request.items().get(i).member();
            Money owed = journal.owed(brandId, currency, member.id());
            Money amount = request.items().get(i).amount() == null ? owed : request.items().get(i).amount();
            String field = "items[" + i + "].amount";
            if (owed.minor() <= 0) {
                v.add(field, "member " + member.id() + " is owed nothing (" + owed + ")");
            } else if (amount.minor() > owed.minor()) {
                v.add(field, amount + " is more than the " + owed + " the member is owed");
            } else if (amount.minor() < minimum.minor()) {
                v.add(field, amount + " is below the minimum payout of " + minimum);
            } else {
                String receiver = member.paypalEmail() != null ? member.paypalEmail() : member.email();
                payable.add(new PayableItem(member.id(), amount, fees.fee(amount), receiver));
            }
        }
        v.throwIfInvalid();
        return payable;
    }

    /** The same members and amounts in any order hash alike; "all" stands for an amount left out. */
    private static String hash(Currency currency, PayoutProvider provider, List<CheckedRequest.Item> items) {
        String canonical = items.stream()
                .sorted(Comparator.comparing(item -> item.member().id()))
                .map(i -> i.member().id() + "=" + (i.amount() == null ? "all"
                        : i.amount().toDecimal().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining(",", currency.getCurrencyCode() + "|" + provider + "|", ""));
        return Tokens.sha256(canonical);
    }
}
