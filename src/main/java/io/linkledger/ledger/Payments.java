package io.linkledger.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/**
 * Make a Payment. Every payment of a brand in one currency takes the lock on the brand's cash
 * account first, so concurrent payments queue and each sees the balance the previous one
 * left: the balance is never overdrawn, on H2 as on PostgreSQL. The Idempotency-Key is checked
 * under the same lock, so a retried request returns the first payment instead of paying twice.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final int LOCK_ATTEMPTS = 20;

    private final PaymentRepository repository;
    private final Journal journal;
    private final Members members;
    private final LedgerSettings settings;
    private final PayoutFees fees;
    private final CardTopUps cards;
    private final PayPalPayouts payPal;
    private final PayoutOutcomes outcomes;
    private final Remittances remittances;
    private final TransactionTemplate transactions;
    private final Ids ids;
    private final Clock clock;

    Payments(PaymentRepository repository, Journal journal, Members members, LedgerSettings settings, PayoutFees fees,
            CardTopUps cards, PayPalPayouts payPal, PayoutOutcomes outcomes, Remittances remittances, TransactionTemplate transactions,
            Ids ids, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.members = members;
        this.settings = settings;
        this.fees = fees;
        this.cards = cards;
        this.payPal = payPal;
        this.outcomes = outcomes;
        this.remittances = remittances;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** The payment and whether it is the answer to an earlier request with the same key. */
    public record Outcome(Payment payment, boolean replayed) {
    }

    public Outcome pay(UUID brandId, String idempotencyKey, PaymentRequest request) {
        Validation v = new Validation();
        if (Validation.isBlank(idempotencyKey)) {
            v.add("Idempotency-Key", "header is required, so a retried request never pays twice");
        } else {
            v.check(idempotencyKey.length() <= 200, "Idempotency-Key", "must be at most 200 characters");
        }
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        PayoutProvider provider = provider(request.provider(), v);
        List<PaymentRequest.Item> items = request.items() == null ? List.of() : request.items();
        v.check(!items.isEmpty(), "items", "must list at least one member to pay");
        Set<UUID> seen = new HashSet<>();
        List<Money> amounts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PaymentRequest.Item item = items.get(i);
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
        if (provider == PayoutProvider.PAYPAL) {
            for (int i = 0; i < items.size(); i++) {
                v.check(!Validation.isBlank(byId.get(items.get(i).memberId()).paypalEmail()),
                        "items[" + i + "].memberId", "member has no PayPal email to pay");
            }
            v.throwIfInvalid();
        }
        String hash = hash(currency, provider, items);
        // Remittances due by now count as available even if the scheduler has not run yet.
        remittances.settleDue(brandId);

        Outcome outcome = null;
        for (int attempt = 1; outcome == null; attempt++) {
            try {
                outcome = transactions.execute(status -> payLocked(brandId, idempotencyKey.trim(), hash, currency,
                        provider, items, amounts, byId));
            } catch (TransientDataAccessException e) {
                // Lock wait timed out or the database chose this transaction as a deadlock victim.
                if (attempt >= LOCK_ATTEMPTS) {
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The balance is busy with other payments; retry with the same Idempotency-Key");
                }
            }
        }
        if (!outcome.replayed() && outcome.payment().provider() == PayoutProvider.PAYPAL) {
            try {
                payPal.submit(outcome.payment());
            } catch (RuntimeException e) {
                // The payment stays PROCESSING; polling resubmits with the same sender_batch_id.
                log.warn("PayPal payout {} not submitted yet: {}", outcome.payment().id(), e.getMessage());
            }
            return new Outcome(get(brandId, outcome.payment().id()), false);
        }
        return outcome;
    }

    private Outcome payLocked(UUID brandId, String key, String hash, Currency currency, PayoutProvider provider,
            List<PaymentRequest.Item> items, List<Money> requested, Map<UUID, Member> byId) {
        long available = journal.lockCash(brandId, currency);
        var existing = repository.findByKey(brandId, key);
        if (existing.isPresent()) {
            if (!existing.get().requestHash().equals(hash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key " + key
                        + " was already used for a different payment (" + existing.get().id() + ")");
            }
            return new Outcome(existing.get(), true);
        }
        Validation v = new Validation();
        Money minimum = fees.minimum(currency);
        UUID paymentId = ids.next();
        Instant now = clock.instant();
        List<PaymentItem> paymentItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            UUID memberId = items.get(i).memberId();
            long owed = journal.owed(brandId, currency, memberId);
            Money amount = requested.get(i) == null ? new Money(owed, currency) : requested.get(i);
            String field = "items[" + i + "].amount";
            if (owed <= 0) {
                v.add(field, "member " + memberId + " is owed nothing (" + new Money(owed, currency) + ")");
                continue;
            }
            if (amount.minor() > owed) {
                v.add(field, amount + " is more than the " + new Money(owed, currency) + " the member is owed");
                continue;
            }
            if (amount.minor() < minimum.minor()) {
                v.add(field, amount + " is below the minimum payout of " + minimum);
                continue;
            }
            long fee = fees.fee(amount).minor();
            Member member = byId.get(memberId);
            String receiver = member.paypalEmail() != null ? member.paypalEmail() : member.email();
            paymentItems.add(new PaymentItem(ids.next(), paymentId, brandId, memberId, currency, amount.minor(), fee,
                    PaymentItemStatus.PROCESSING, receiver, null, null, null));
        }
        v.throwIfInvalid();
        long amountTotal = paymentItems.stream().mapToLong(PaymentItem::amountMinor).sum();
        long feeTotal = paymentItems.stream().mapToLong(PaymentItem::feeMinor).sum();
        long needed = amountTotal + feeTotal;
        long charged = 0;
        if (available < needed) {
            Money shortfall = new Money(needed - available, currency);
            charged = cards.chargeShortfall(brandId, shortfall, "payment:" + key).orElseThrow(() ->
                    ProblemException.conflict("The balance is short by " + shortfall + ": " + new Money(needed,
                            currency) + " is needed and " + new Money(available, currency)
                            + " is available. Add funds or link a card, then retry.")).minor();
        }
        Payment payment = new Payment(paymentId, brandId, key, hash, provider, PaymentStatus.PROCESSING, currency,
                amountTotal, feeTotal, charged, null, now, null, paymentItems);
        repository.insert(payment);
        List<Line> lines = new ArrayList<>();
        for (PaymentItem item : paymentItems) {
            lines.add(Line.debitMember(item.memberId(), item.amountMinor()));
        }
        lines.add(Line.debit(AccountKind.FEES, feeTotal));
        lines.add(Line.credit(AccountKind.BRAND_CASH, needed));
        journal.post(brandId, currency, EntryType.PAYMENT, paymentId.toString(), "Payment to "
                + paymentItems.size() + " member(s) via " + provider, null, lines);
        if (provider == PayoutProvider.MANUAL) {
            for (PaymentItem item : paymentItems) {
                outcomes.markPaid(item, null, now);
            }
            repository.finishPayment(paymentId, PaymentStatus.COMPLETED, now);
        }
        return new Outcome(repository.find(brandId, paymentId).orElseThrow(), false);
    }

    public Payment get(UUID brandId, UUID paymentId) {
        return repository.find(brandId, paymentId).orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
    }

    public Page<Payment> list(UUID brandId, int limit, int offset) {
        return new Page<>(repository.list(brandId, limit, offset), repository.count(brandId), limit, offset);
    }

    /** A member's payment history, newest first (for the member's dashboard). */
    public List<PaymentItem> forMember(UUID brandId, UUID memberId) {
        return repository.itemsOfMember(brandId, memberId);
    }

    /** Asks the payment's provider for news now instead of waiting for the poller. */
    public Payment refresh(UUID brandId, UUID paymentId) {
        Payment payment = get(brandId, paymentId);
        if (payment.provider() == PayoutProvider.PAYPAL && payment.status() == PaymentStatus.PROCESSING) {
            payPal.refresh(payment);
        }
        return get(brandId, paymentId);
    }

    private PayoutProvider provider(String requested, Validation v) {
        String name = Validation.isBlank(requested) ? settings.payoutProvider() : requested.trim();
        if (name.equalsIgnoreCase("auto")) {
            return payPal.configured() ? PayoutProvider.PAYPAL : PayoutProvider.MANUAL;
        }
        try {
            PayoutProvider provider = PayoutProvider.valueOf(name.toUpperCase(Locale.ROOT));
            if (provider == PayoutProvider.PAYPAL && !payPal.configured()) {
                v.add("provider", "PayPal Payouts is not configured on this server");
            }
            return provider;
        } catch (IllegalArgumentException e) {
            v.add("provider", "must be MANUAL or PAYPAL");
            return PayoutProvider.MANUAL;
        }
    }

    private static String hash(Currency currency, PayoutProvider provider, List<PaymentRequest.Item> items) {
        String canonical = items.stream()
                .sorted(Comparator.comparing(PaymentRequest.Item::memberId))
                .map(i -> i.memberId() + "=" + (i.amount() == null ? "all" : new BigDecimal(i.amount().trim())
                        .stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining(",", currency.getCurrencyCode() + "|" + provider + "|", ""));
        return Tokens.sha256(canonical);
    }
}
